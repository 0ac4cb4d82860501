"use server";

import { cookies } from "next/headers";
import { forgetUserSessions } from "../auth/session-cache";
import { db } from "../db";
import { LOCALE_COOKIE } from "../i18n/config";
import { localeInput } from "../validations/auth";
import { publicAction } from "./safe-action";

const setLocale = publicAction(localeInput, async (locale, { user }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  if (user) {
    await db.user.update({ where: { id: user.id }, data: { locale } });
    forgetUserSessions(user.id);
  }
  return locale;
});

export async function setLocaleAction(locale: unknown) {
  return setLocale(locale);
}

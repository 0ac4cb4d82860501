"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWith } from "@/components/ui/submit-with";
import { changePasswordAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

export function ChangePasswordForm() {
  const t = useTranslations("accountSecurity");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const fe = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const details = result && !result.ok ? result.details : undefined;
  const errors = useErrorText();
  const msg = (codes?: string[]) =>
    codes?.map((c) => errors.code(c, { minutes: Number(details?.minutes) || 15 })).join(" ");
  return (
    <form
      noValidate
      aria-labelledby="password-heading"
      className="flex flex-col gap-3"
      onSubmit={submitWith((form) =>
        startTransition(async () => {
          const res = await changePasswordAction({
            currentPassword: String(form.get("currentPassword") ?? ""),
            newPassword: String(form.get("newPassword") ?? ""),
          });
          setResult(res);
          // The change signed out every session, this one too: clear the cookie and sign in again.
          if (res.ok) await signOut({ callbackUrl: "/sign-in?passwordChanged=1" });
        }),
      )}
    >
      <h2 id="password-heading" className="text-lg font-semibold">
        {t("changePassword")}
      </h2>
      <p className="text-sm text-slate-600">{t("changePasswordHelp")}</p>
      <label className="flex flex-col text-sm font-medium" htmlFor="current-password">
        {t("currentPassword")}
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className="rounded-md border border-slate-300 px-3 py-2"
          aria-invalid={!!fe.currentPassword}
          aria-describedby="current-password-error"
        />
      </label>
      <span id="current-password-error" className="-mt-2 text-xs text-red-700">
        {msg(fe.currentPassword)}
      </span>
      <label className="flex flex-col text-sm font-medium" htmlFor="new-password">
        {t("newPassword")}
        <input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          className="rounded-md border border-slate-300 px-3 py-2"
          aria-invalid={!!fe.newPassword}
          aria-describedby="new-password-error"
        />
      </label>
      <span id="new-password-error" className="-mt-2 text-xs text-red-700">
        {msg(fe.newPassword)}
      </span>
      <div>
        <Button type="submit" disabled={pending}>
          {t("changePassword")}
        </Button>
      </div>
      <FormMessage
        message={result?.ok ? t("changed") : result && !result.fieldErrors ? msg([result.message]) : null}
        tone={result?.ok ? "success" : "error"}
      />
    </form>
  );
}

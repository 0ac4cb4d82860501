"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/safe-action";

/** An action's error code → a sentence in the user's language (teams, sharing, comments, admin users). */
export function useTeamErrors() {
  const t = useTranslations("teams.errors");
  const one = (code: string) => (t.has(code) ? t(code) : t("generic", { message: code }));
  return {
    message(res: ActionResult<unknown> | null): string | null {
      if (!res || res.ok) return null;
      if (res.code === "UNAUTHENTICATED") return t("UNAUTHENTICATED");
      const fields = Object.values(res.fieldErrors ?? {}).flat();
      if (res.code === "INVALID" && fields.length) return fields.map(one).join(" ");
      return one(res.message);
    },
  };
}

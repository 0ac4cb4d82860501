"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/safe-action";

/** Turns an action's error codes into messages in the user's language. */
export function useActionErrors() {
  const t = useTranslations("admin.errors");
  const one = (code: string, details?: Record<string, string | number>) => (t.has(code) ? t(code, details ?? {}) : code);
  return {
    fieldErrors(res: ActionResult<unknown> | null): Record<string, string[]> {
      if (!res || res.ok || !res.fieldErrors) return {};
      // An overlap is explained once, in the form message that names the clash.
      const entries = Object.entries(res.fieldErrors).map(([k, codes]) => [k, codes.filter((c) => c !== "overlaps").map((c) => one(c, res.details))] as const);
      return Object.fromEntries(entries.filter(([, msgs]) => msgs.length));
    },
    message(res: ActionResult<unknown> | null): string | null {
      if (!res || res.ok) return null;
      if (res.fieldErrors?.start?.includes("overlaps") && res.details) return one("overlaps", res.details);
      if (res.code === "INVALID" && res.fieldErrors) return t("fixFields");
      if (t.has(res.message)) return one(res.message, res.details);
      return t("generic", { message: res.message });
    },
  };
}

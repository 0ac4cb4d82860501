"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/actions/locale";

export function LocaleSwitch({ current }: { current: string }) {
  const t = useTranslations("locale");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1">
      <span className="sr-only">{t("switchTo")}</span>
      <select
        aria-label={t("switchTo")}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm"
        value={current}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
      >
        <option value="ko">{t("ko")}</option>
        <option value="en">{t("en")}</option>
      </select>
    </label>
  );
}

"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section
      role="alert"
      className="mx-auto flex max-w-md flex-col items-start gap-3 rounded-xl bg-white p-6 shadow-sm"
    >
      <h1 className="text-xl font-bold">{t("errorTitle")}</h1>
      <p className="text-slate-700">{t("errorBody")}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
      >
        {t("retry")}
      </button>
    </section>
  );
}

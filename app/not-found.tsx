import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="mx-auto flex max-w-md flex-col items-start gap-3 rounded-xl bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-slate-700">{t("notFoundBody")}</p>
      <Link href="/events" className="font-semibold text-brand-700 underline">
        {t("backHome")}
      </Link>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listServiceIndex } from "@/lib/data/insights";
import { firstParam } from "@/lib/validations/insights";

export const metadata: Metadata = { title: "AWS services" };

export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = (firstParam((await searchParams).q) ?? "").trim().slice(0, 100);
  const user = await getCurrentUser();
  const [services, t, ti] = await Promise.all([
    listServiceIndex(db, user?.id ?? null, q),
    getTranslations("services"),
    getTranslations("insights"),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <form role="search" action="/services" className="flex gap-2">
          <label htmlFor="service-search" className="sr-only">
            {t("search")}
          </label>
          <input
            id="service-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("searchPlaceholder")}
            className="w-44 rounded-md border border-slate-300 px-3 py-1.5 text-base sm:text-sm"
          />
          <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
            {t("searchButton")}
          </button>
        </form>
      </div>
      {!user ? <p className="text-sm text-slate-600">{t("signInForNotes")}</p> : null}
      {services.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {q ? t("noMatch", { query: q }) : t("empty")}
        </p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="service-index">
          {services.map((s) => (
            <li key={s.slug}>
              <Link
                href={`/services/${s.slug}`}
                className="flex items-baseline justify-between gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 hover:border-brand-500"
              >
                <span className="font-medium">{s.name}</span>
                <span className="shrink-0 text-xs text-slate-500">
                  {t("counts", { talks: ti("talks", { count: s.talks }), notes: ti("notes", { count: s.notes }) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

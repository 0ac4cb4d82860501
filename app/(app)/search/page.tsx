import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoteHits, TalkHits } from "@/components/insights/mention-lists";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { linkNotes } from "@/lib/data/insights";
import { visibleNotesWhere } from "@/lib/data/team-notes";
import { readableNoteIds } from "@/lib/data/visible-notes";
import { searchEverything } from "@/lib/search";
import { parseSearchParams, type SearchParamsInput } from "@/lib/validations/insights";

export const metadata: Metadata = { title: "Search" };

const LIMIT = 30;

type FacetKey = "event" | "year" | "track" | "service" | "author" | "visibility";
const FIELD: Record<FacetKey, keyof Omit<SearchParamsInput, "q">> = {
  event: "events",
  year: "years",
  track: "tracks",
  service: "services",
  author: "authors",
  visibility: "visibility",
};

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { input, error } = parseSearchParams(await searchParams);
  const user = await getCurrentUser();
  const actorId = user?.id ?? null;
  const [t, ti, ts] = await Promise.all([
    getTranslations("search"),
    getTranslations("insights"),
    getTranslations("services"),
  ]);
  const query = input.q.trim();
  const result = query
    ? await searchEverything(db, {
        query,
        actorId,
        noteWhere: visibleNotesWhere(actorId),
        visibleNoteIds: await readableNoteIds(db, actorId),
        filters: {
          eventIds: input.events,
          years: input.years,
          trackNames: input.tracks,
          serviceSlugs: input.services,
          authorIds: input.authors,
          visibility: input.visibility,
        },
        limit: LIMIT,
      })
    : null;
  const filtered = Object.values(FIELD).some((f) => input[f].length > 0);

  const hrefWith = (key: FacetKey | null, value?: string) => {
    const params = new URLSearchParams({ q: input.q });
    for (const [k, field] of Object.entries(FIELD) as [FacetKey, keyof Omit<SearchParamsInput, "q">][]) {
      let values = (input[field] as (string | number)[]).map(String);
      if (k === key && value !== undefined)
        values = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
      for (const v of values) params.append(k, v);
    }
    return `/search?${params}`;
  };
  const isOn = (key: FacetKey, value: string) => (input[FIELD[key]] as (string | number)[]).map(String).includes(value);

  const facetGroup = (key: FacetKey, title: string, items: { value: string; label: string; count: number }[]) =>
    items.length ? (
      <div key={key} className="flex flex-col gap-1">
        <h3 className="text-xs font-semibold uppercase text-slate-500">{title}</h3>
        <ul className="flex flex-wrap gap-1 lg:flex-col">
          {items.map((item) => {
            const on = isOn(key, item.value);
            return (
              <li key={item.value}>
                <Link
                  href={hrefWith(key, item.value)}
                  role="checkbox"
                  aria-checked={on}
                  className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm ${on ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-500"}`}
                >
                  <span aria-hidden="true">{on ? "✓" : "+"}</span>
                  <span>{item.label}</span>
                  <span className={on ? "text-white/80" : "text-slate-500"}>{item.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    ) : null;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/services" className="text-sm text-brand-700 underline">
          {ts("browse")} →
        </Link>
      </div>
      <form role="search" action="/search" className="flex flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-medium">
          {t("label")}
        </label>
        <div className="flex gap-2">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={input.q}
            placeholder={t("placeholder")}
            maxLength={200}
            aria-describedby="search-hint"
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
          />
          <button className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            {t("submit")}
          </button>
        </div>
        <p id="search-hint" className="text-xs text-slate-500">
          {t("hint")}
        </p>
      </form>
      {error ? (
        <p
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="search-error"
        >
          {t(error as "query_too_long")}
        </p>
      ) : null}
      {!user ? <p className="text-sm text-slate-600">{t("signInForNotes")}</p> : null}

      {!result ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("start")}</p>
      ) : (
        <div className="flex flex-col gap-5 lg:flex-row" aria-live="polite">
          {filtered || result.facets.events.length ? (
            <aside
              aria-label={t("filters")}
              className="flex flex-col gap-3 lg:w-60 lg:shrink-0"
              data-testid="search-facets"
            >
              {facetGroup(
                "event",
                t("facetEvents"),
                result.facets.events.map((f) => ({ value: f.id, label: f.name, count: f.count })),
              )}
              {facetGroup(
                "year",
                t("facetYears"),
                result.facets.years.map((f) => ({ value: String(f.year), label: String(f.year), count: f.count })),
              )}
              {facetGroup(
                "track",
                t("facetTracks"),
                result.facets.tracks.map((f) => ({ value: f.name, label: f.name, count: f.count })),
              )}
              {facetGroup(
                "service",
                t("facetServices"),
                result.facets.services.map((f) => ({ value: f.slug, label: f.name, count: f.count })),
              )}
              {facetGroup(
                "author",
                t("facetAuthors"),
                result.facets.authors.map((f) => ({ value: f.id, label: f.name, count: f.count })),
              )}
              {facetGroup(
                "visibility",
                t("facetVisibility"),
                result.facets.visibility.map((f) => ({
                  value: f.value,
                  label: t("visibility", { value: f.value }),
                  count: f.count,
                })),
              )}
              {filtered ? (
                <Link href={hrefWith(null)} className="text-sm text-brand-700 underline">
                  {t("clearFilters")}
                </Link>
              ) : null}
            </aside>
          ) : null}
          <div className="flex min-w-0 flex-1 flex-col gap-5">
            <p className="text-sm font-medium" data-testid="search-totals">
              {t("results", {
                notes: ti("notes", { count: result.totals.notes }),
                talks: ti("talks", { count: result.totals.talks }),
              })}
              <span className="ml-2 text-xs font-normal text-slate-600">
                {t("took", { ms: Math.round(result.tookMs) })}
              </span>
            </p>
            {result.totals.notes + result.totals.talks === 0 ? (
              <div
                className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600"
                data-testid="search-empty"
              >
                <p>{t("noResults", { query, filtered: String(filtered) })}</p>
                <p className="text-sm">{t("tryFewer")}</p>
              </div>
            ) : null}
            {result.notes.length ? (
              <section aria-labelledby="notes-heading" className="flex flex-col gap-2">
                <h2 id="notes-heading" className="text-lg font-semibold">
                  {t("notesHeading")} ({result.totals.notes})
                </h2>
                <NoteHits notes={linkNotes(result.notes, actorId)} testId="search-notes" showEvent />
                {result.totals.notes > result.notes.length ? (
                  <p className="text-xs text-slate-500">{t("shown", { count: result.notes.length })}</p>
                ) : null}
              </section>
            ) : null}
            {result.talks.length ? (
              <section aria-labelledby="talks-heading" className="flex flex-col gap-2">
                <h2 id="talks-heading" className="text-lg font-semibold">
                  {t("talksHeading")} ({result.totals.talks})
                </h2>
                <TalkHits talks={result.talks} testId="search-talks" showEvent />
                {result.totals.talks > result.talks.length ? (
                  <p className="text-xs text-slate-500">{t("shown", { count: result.talks.length })}</p>
                ) : null}
              </section>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}

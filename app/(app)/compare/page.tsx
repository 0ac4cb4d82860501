import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HeatmapChart } from "@/components/insights/heatmap-chart";
import { NoteHits, TalkHits } from "@/components/insights/mention-lists";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/data/events";
import { compareEvents, type EventComparison } from "@/lib/data/insights";
import { isAppError } from "@/lib/errors";
import { formatLongDate } from "@/lib/time/zoned";
import { compareInput, firstParam, listParam, MAX_COMPARED_EVENTS } from "@/lib/validations/insights";

export const metadata: Metadata = { title: "Compare events" };

const HEATMAP_ROWS = 12;
const PER_EVENT = 5;
const KNOWN_ERRORS = new Set(["too_few_events", "too_many_events", "event_not_found", "service_not_found"]);

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const chosen = listParam(raw.events);
  const service = firstParam(raw.service) || undefined;
  const user = await getCurrentUser();
  const [allEvents, t, ti, ts, locale] = await Promise.all([
    listEvents(db),
    getTranslations("compare"),
    getTranslations("insights"),
    getTranslations("services"),
    getLocale(),
  ]);

  let comparison: EventComparison | null = null;
  let error: string | null = null;
  if (chosen.length) {
    const parsed = compareInput.safeParse({ events: chosen, service });
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? "";
      error = KNOWN_ERRORS.has(code) ? code : "invalid";
    } else {
      try {
        comparison = await compareEvents(db, user?.id ?? null, parsed.data.events, parsed.data.service, PER_EVENT);
      } catch (e) {
        if (!isAppError(e) || !KNOWN_ERRORS.has(e.message)) throw e;
        error = e.message;
      }
    }
  }

  const base = (focus?: string) =>
    `/compare?${new URLSearchParams({ events: chosen.join(","), ...(focus ? { service: focus } : {}) })}`;
  const labels = comparison ? shortLabels(comparison.events) : [];

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <Link href="/services" className="text-sm text-brand-700 underline">
          {ts("browse")} →
        </Link>
      </header>

      <form
        action="/compare"
        method="get"
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        <fieldset>
          <legend className="text-sm font-medium">{t("chooseEvents")}</legend>
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {allEvents.map((e) => (
              <label key={e.id} className="flex min-h-10 items-center gap-2 rounded px-1 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="events"
                  value={e.slug}
                  defaultChecked={chosen.includes(e.slug)}
                  className="size-4"
                />
                <span>
                  {e.name} <span className="text-slate-500">· {formatLongDate(e.startDate, e.timeZone, locale)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {comparison?.services.length ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="compare-service" className="text-sm font-medium">
              {t("focusService")}
            </label>
            <select
              id="compare-service"
              name="service"
              defaultValue={comparison.focus?.slug ?? ""}
              className="max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base sm:text-sm"
            >
              <option value="">{t("noFocus")}</option>
              {comparison.services.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <button className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            {t("submit")}
          </button>
        </div>
        {/* The hint only while there is no comparison to show. */}
        {comparison ? null : (
          <p className="text-xs text-slate-500" data-testid="compare-hint">
            {t("pickMore")} (≤ {MAX_COMPARED_EVENTS})
          </p>
        )}
      </form>

      {error ? (
        <p
          role="status"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          data-testid="compare-error"
        >
          {t(error as "invalid")}
        </p>
      ) : null}

      {comparison ? (
        <>
          <section aria-labelledby="overview-heading" className="flex flex-col gap-3">
            <h2 id="overview-heading" className="text-lg font-semibold">
              {t("overview")}
            </h2>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="compare-events">
              {comparison.events.map((e, i) => (
                <article key={e.id} className="rounded-xl border border-slate-200 bg-white p-3">
                  <h3 className="font-semibold">
                    <Link href={`/events/${e.slug}`} className="hover:underline">
                      {e.name}
                    </Link>
                  </h3>
                  <p className="text-sm text-slate-600">{formatLongDate(e.startDate, e.timeZone, locale)}</p>
                  <p className="mt-1 text-sm">
                    {ti("talks", { count: e.talkCount })} · {ti("notes", { count: e.noteCount })}
                  </p>
                  <h4 className="mt-2 text-xs font-semibold uppercase text-slate-500">{t("tracks")}</h4>
                  {e.tracks.length ? (
                    <ul className="text-sm">
                      {e.tracks.map((tr) => (
                        <li key={tr.name} className="flex justify-between gap-2">
                          <span>{tr.name}</span>
                          <span className="tabular-nums text-slate-500">{tr.talkCount}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-500">{t("noTracks")}</p>
                  )}
                  <h4 className="mt-2 text-xs font-semibold uppercase text-slate-500">{t("uniqueTitle")}</h4>
                  {comparison.unique[i].length ? (
                    <ul
                      className="flex flex-wrap gap-1"
                      data-testid="unique-services"
                      data-event-slug={e.slug}
                      aria-label={`${t("uniqueTitle")}: ${e.name}`}
                    >
                      {comparison.unique[i].map((s) => (
                        <li key={s.slug}>
                          <Link
                            href={base(s.slug)}
                            className="inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700 hover:underline"
                          >
                            {s.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-500" data-testid="unique-services" data-event-slug={e.slug}>
                      {t("uniqueNone")}
                    </p>
                  )}
                </article>
              ))}
            </div>
          </section>

          <section aria-labelledby="heatmap-heading" className="flex flex-col gap-2">
            <h2 id="heatmap-heading" className="text-lg font-semibold">
              {t("heatmapTitle")}
            </h2>
            {comparison.services.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
                {t("noServices")}
              </p>
            ) : (
              <div className="rounded-xl border border-slate-200 bg-white p-3">
                <p className="text-xs text-slate-500">
                  {t("heatmapHint", { count: Math.min(HEATMAP_ROWS, comparison.services.length) })}
                </p>
                <HeatmapChart
                  events={comparison.events.map((e, i) => ({ id: e.id, label: labels[i] }))}
                  services={comparison.services.slice(0, HEATMAP_ROWS)}
                />
                <div className="mt-3 max-h-96 overflow-auto">
                  <table className="w-full text-left text-sm" data-testid="heatmap-table">
                    <caption className="sr-only">{ti("chartTableCaption")}</caption>
                    <thead className="sticky top-0 bg-white">
                      <tr className="border-b border-slate-200 text-slate-600">
                        <th scope="col" className="py-1 pr-2 font-medium">
                          {ti("service")}
                        </th>
                        {comparison.events.map((e, i) => (
                          <th key={e.id} scope="col" className="py-1 pr-2 text-right font-medium" title={e.name}>
                            {labels[i]}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {comparison.services.map((s) => (
                        <tr key={s.slug} className="border-b border-slate-100">
                          <th scope="row" className="py-1 pr-2 font-normal">
                            <Link href={base(s.slug)} className="text-brand-700 underline">
                              {s.name}
                            </Link>
                          </th>
                          {s.cells.map((c, i) => (
                            <td
                              key={comparison!.events[i].id}
                              className="py-1 pr-2 text-right tabular-nums"
                              aria-label={t("cell", { talks: c.talks, notes: c.notes })}
                            >
                              {c.talks + c.notes}
                              <span className="ml-1 text-xs text-slate-600">
                                ({c.talks}/{c.notes})
                              </span>
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </section>

          {comparison.focus ? (
            <section aria-labelledby="focus-heading" className="flex flex-col gap-3" data-testid="compare-focus">
              <div className="flex flex-wrap items-baseline gap-3">
                <h2 id="focus-heading" className="text-lg font-semibold">
                  {t("focusTitle", { name: comparison.focus.name })}
                </h2>
                <Link href={base()} className="text-sm text-brand-700 underline">
                  {t("clearFocus")}
                </Link>
                <Link href={`/services/${comparison.focus.slug}`} className="text-sm text-brand-700 underline">
                  {comparison.focus.name} →
                </Link>
              </div>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                {comparison.focus.perEvent.map((p, i) => (
                  <div key={comparison!.events[i].id} className="flex flex-col gap-2" data-testid="focus-column">
                    <h3 className="font-semibold">{comparison!.events[i].name}</h3>
                    <p className="text-sm text-slate-600">
                      {ti("talks", { count: p.talkCount })} · {ti("notes", { count: p.noteCount })}
                    </p>
                    {p.talks.length ? <TalkHits talks={p.talks} /> : null}
                    {p.notes.length ? <NoteHits notes={p.notes} /> : null}
                    {!p.talks.length && !p.notes.length ? (
                      <p className="text-sm text-slate-500">{t("noFocusNotes", { name: comparison!.focus!.name })}</p>
                    ) : null}
                  </div>
                ))}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Column labels that fit a phone: the year when it tells the events apart, else the name. */
function shortLabels(events: { name: string; year: number }[]): string[] {
  const years = events.map((e) => e.year);
  if (new Set(years).size === years.length) return years.map(String);
  return events.map((e) => (e.name.length > 16 ? `${e.name.slice(0, 15)}…` : e.name));
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TimelineChart } from "@/components/insights/timeline-chart";
import { NoteHits, TalkHits } from "@/components/insights/mention-lists";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getServiceTimeline } from "@/lib/data/insights";
import { formatLongDate } from "@/lib/time/zoned";
import { firstParam, serviceSlugParam, serviceTimelineFilters } from "@/lib/validations/insights";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const PER_EVENT = 5;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const raw = await searchParams;
  if (!serviceSlugParam.safeParse(slug).success) notFound();
  // A malformed filter is dropped (the page still shows the whole timeline), never a 500.
  const parsed = serviceTimelineFilters.safeParse({
    series: firstParam(raw.series) || undefined,
    year: firstParam(raw.year) || undefined,
  });
  const filters = parsed.success ? parsed.data : {};
  const user = await getCurrentUser();
  const timeline = await getServiceTimeline(db, user?.id ?? null, slug, filters, PER_EVENT);
  if (!timeline) notFound();
  const [t, ti, locale] = await Promise.all([getTranslations("services"), getTranslations("insights"), getLocale()]);
  const name = timeline.service.name;
  const filtered = !!(filters.series || filters.year);

  const hrefWith = (change: { series?: string | null; year?: number | null }) => {
    const next = new URLSearchParams();
    const series = change.series === undefined ? filters.series : change.series;
    const year = change.year === undefined ? filters.year : change.year;
    if (series) next.set("series", series);
    if (year) next.set("year", String(year));
    const qs = next.toString();
    return `/services/${slug}${qs ? `?${qs}` : ""}`;
  };
  const chip = (label: string, href: string, active: boolean) => (
    <Link
      key={href + label}
      href={href}
      aria-current={active ? "true" : undefined}
      className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-500"}`}
    >
      {label}
    </Link>
  );

  return (
    <div className="flex flex-col gap-5">
      <Link href="/services" className="text-sm text-brand-700 underline">
        ← {t("allServices")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("timelineTitle", { name })}</h1>
        <p className="text-sm text-slate-600">{t("timelineIntro", { name })}</p>
        <p className="mt-1 text-sm font-medium" data-testid="timeline-totals">
          {t("totals", {
            events: timeline.totals.events,
            talks: ti("talks", { count: timeline.totals.talks }),
            notes: ti("notes", { count: timeline.totals.notes }),
          })}
        </p>
        {!user ? <p className="mt-1 text-sm text-slate-600">{t("signInForNotes")}</p> : null}
      </header>

      {timeline.options.series.length > 1 || timeline.options.years.length > 1 ? (
        <nav aria-label={`${t("filterSeries")} / ${t("filterYear")}`} className="flex flex-col gap-2">
          {timeline.options.series.length > 1 ? (
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium text-slate-600">{t("filterSeries")}</span>
              {chip(t("all"), hrefWith({ series: null }), !filters.series)}
              {timeline.options.series.map((s) => chip(s, hrefWith({ series: s }), filters.series === s))}
            </div>
          ) : null}
          {timeline.options.years.length > 1 ? (
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium text-slate-600">{t("filterYear")}</span>
              {chip(t("all"), hrefWith({ year: null }), !filters.year)}
              {timeline.options.years.map((y) => chip(String(y), hrefWith({ year: y }), filters.year === y))}
            </div>
          ) : null}
        </nav>
      ) : null}

      {timeline.events.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {t("noMentions", { name, filtered: String(filtered) })}
        </p>
      ) : (
        <>
          <section className="rounded-xl border border-slate-200 bg-white p-3">
            <TimelineChart
              label={t("chartLabel", { name })}
              rows={timeline.events.map((e) => ({ label: String(e.year), talks: e.talkCount, notes: e.noteCount }))}
            />
            <table className="mt-2 w-full text-left text-sm" data-testid="timeline-table">
              <caption className="sr-only">{ti("chartTableCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {ti("event")}
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">
                    {ti("talksLabel")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {ti("notesLabel")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {timeline.events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      <a href={`#event-${e.slug}`} className="text-brand-700 underline">
                        {e.name}
                      </a>
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{e.talkCount}</td>
                    <td className="py-1 text-right tabular-nums">{e.noteCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <ol className="flex flex-col gap-6 border-l-2 border-brand-100 pl-4" data-testid="service-timeline">
            {timeline.events.map((e) => (
              <li
                key={e.id}
                id={`event-${e.slug}`}
                data-testid="timeline-event"
                data-event-slug={e.slug}
                className="flex flex-col gap-2"
              >
                <h2 className="text-lg font-semibold">
                  <Link href={`/events/${e.slug}`} className="hover:underline">
                    {e.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">
                  {formatLongDate(e.startDate, e.timeZone, locale)} · {ti("talks", { count: e.talkCount })} ·{" "}
                  {ti("notes", { count: e.noteCount })}
                </p>
                {e.talks.length ? <TalkHits talks={e.talks} /> : null}
                {e.notes.length ? <NoteHits notes={e.notes} /> : null}
                {e.talkCount + e.noteCount > e.talks.length + e.notes.length ? (
                  <Link
                    href={`/search?${new URLSearchParams({ q: name, event: e.id })}`}
                    className="text-sm text-brand-700 underline"
                  >
                    {t("moreInSearch", { count: e.talkCount + e.noteCount })}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

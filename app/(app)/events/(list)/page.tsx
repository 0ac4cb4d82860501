import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { listEvents, partitionEvents, type EventListItem } from "@/lib/data/events";
import { currentTime } from "@/lib/time/clock";
import { formatLongDate } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q: rawQuery } = await searchParams;
  const q = typeof rawQuery === "string" ? rawQuery.slice(0, 100) : "";
  const [events, t, tc, locale] = await Promise.all([
    listEvents(db, q),
    getTranslations("events"),
    getTranslations("common"),
    getLocale(),
  ]);
  const tsv = await getTranslations("services");
  const { upcoming, past } = partitionEvents(events, currentTime());

  const list = (items: EventListItem[]) => (
    <ul className="grid gap-3 sm:grid-cols-2">
      {items.map((e) => (
        <li key={e.id}>
          <Link
            href={`/events/${e.slug}`}
            className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500"
          >
            <span className="block text-base font-semibold">{e.name}</span>
            <span className="block text-sm text-slate-600">
              {formatLongDate(e.startDate, e.timeZone, locale)}
              {e.venue ? ` · ${e.venue}` : ""}
            </span>
            <span className="mt-1 block text-xs text-slate-500">{tc("talks", { count: e.talkCount })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <Link href="/services" className="text-sm text-brand-700 underline">
            {tsv("browse")} →
          </Link>
        </div>
        <form role="search" className="flex gap-2" action="/events">
          <label htmlFor="event-search" className="sr-only">
            {t("search")}
          </label>
          <input
            id="event-search"
            name="q"
            defaultValue={q}
            placeholder={t("searchPlaceholder")}
            className="w-48 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
            {t("search")}
          </button>
        </form>
      </div>
      {events.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {q ? t("noMatch", { query: q }) : t("empty")}
        </p>
      ) : (
        <>
          {upcoming.length ? (
            <section aria-labelledby="upcoming-heading" className="flex flex-col gap-3">
              <h2 id="upcoming-heading" className="text-lg font-semibold">
                {t("upcoming")}
              </h2>
              {list(upcoming)}
            </section>
          ) : null}
          {past.length ? (
            <section aria-labelledby="past-heading" className="flex flex-col gap-3">
              <h2 id="past-heading" className="text-lg font-semibold">
                {t("past")}
              </h2>
              {list(past)}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

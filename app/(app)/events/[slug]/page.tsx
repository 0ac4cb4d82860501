import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaView, type AgendaViewDay } from "@/components/events/agenda-view";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventAgenda, type AgendaTalk } from "@/lib/data/events";
import { starredTalkIds } from "@/lib/data/stars";
import { buildAgendaGrid } from "@/lib/schedule/grid";
import { pinnedNowIso } from "@/lib/time/clock";
import { formatLongDate, formatTimeRange, zonedToUtc } from "@/lib/time/zoned";

type Props = { params: Promise<{ slug: string }> };

// Metadata and page ask for the same agenda: one query per request.
const agendaFor = cache((slug: string) => getEventAgenda(db, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await agendaFor((await params).slug);
  return { title: event?.name ?? "Event" };
}

const plainIn = (timeZone: string) => (talk: AgendaTalk) => ({
  id: talk.id,
  title: talk.title,
  trackId: talk.trackId,
  startsAt: talk.startsAt.toISOString(),
  endsAt: talk.endsAt.toISOString(),
  timeLabel: formatTimeRange(talk.startsAt, talk.endsAt, timeZone),
  speakers: talk.speakers,
});

export default async function EventPage({ params }: Props) {
  const event = await agendaFor((await params).slug);
  if (!event) notFound();
  const [t, locale, user] = await Promise.all([getTranslations("event"), getLocale(), getCurrentUser()]);
  const starred = user ? await starredTalkIds(db, user.id, event.id) : [];
  const plain = plainIn(event.timeZone);
  const days: AgendaViewDay[] = buildAgendaGrid(event.talks, event.timeZone).map((day) => ({
    date: day.date,
    label: formatLongDate(zonedToUtc(day.date, "12:00", event.timeZone), event.timeZone, locale),
    rows: day.rows.map((row) => ({
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      label: formatTimeRange(row.startsAt, row.endsAt, event.timeZone),
      plenary: row.plenary.map(plain),
      byTrack: Object.fromEntries(Object.entries(row.byTrack).map(([k, v]) => [k, v.map(plain)])),
    })),
  }));
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end gap-x-4 gap-y-1">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-bold">{event.name}</h1>
          <p className="text-sm text-slate-600">
            {formatLongDate(event.startDate, event.timeZone, locale)}
            {days.length > 1 ? ` – ${days[days.length - 1]!.label}` : ""}
            {event.venue ? ` · ${event.venue}` : ""}
          </p>
          <p className="text-xs text-slate-500">{t("timesIn", { timeZone: event.timeZone })}</p>
        </div>
        {user ? (
          <span className="ml-auto flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
            <Link href={`/events/${event.slug}/notes`} className="text-brand-700 underline" data-testid="event-notes-link">
              {t("eventNotes")}
            </Link>
            <Link href="/my-agenda" className="text-brand-700 underline">
              {t("myAgenda")}
            </Link>
          </span>
        ) : null}
      </header>
      {event.talks.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("noTalks")}</p>
      ) : (
        <AgendaView eventSlug={event.slug} days={days} tracks={event.tracks} starred={starred} canStar={!!user} pinnedNow={pinnedNowIso()} timeZone={event.timeZone} />
      )}
    </div>
  );
}

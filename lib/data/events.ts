import "server-only";
import type { Db } from "../db-client";

export type EventListItem = {
  id: string;
  slug: string;
  name: string;
  series: string | null;
  startDate: Date;
  endDate: Date;
  timeZone: string;
  venue: string | null;
  talkCount: number;
};

/** Splits events into upcoming/running (soonest first) and past (latest first). */
export function partitionEvents<T extends { endDate: Date }>(events: T[], now: Date): { upcoming: T[]; past: T[] } {
  const cutoff = now.getTime() - 24 * 3600_000;
  return {
    upcoming: events.filter((e) => e.endDate.getTime() >= cutoff).reverse(),
    past: events.filter((e) => e.endDate.getTime() < cutoff),
  };
}

/** Events for the list page; agendas are public, so no user filter is needed here. */
export async function listEvents(db: Db, query?: string): Promise<EventListItem[]> {
  const q = query?.trim();
  const events = await db.event.findMany({
    where: q ? { OR: [{ name: { contains: q } }, { series: { contains: q } }] } : undefined,
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      series: true,
      startDate: true,
      endDate: true,
      timeZone: true,
      venue: true,
      _count: { select: { talks: true } },
    },
  });
  return events.map(({ _count, ...e }) => ({ ...e, talkCount: _count.talks }));
}

export type AgendaTalk = {
  id: string;
  title: string;
  trackId: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Imported without a time: startsAt/endsAt only keep the order (shown as "time unknown"). */
  timeUnknown: boolean;
  level: string | null;
  speakers: string[];
};

export type EventAgenda = {
  id: string;
  slug: string;
  name: string;
  series: string | null;
  venue: string | null;
  timeZone: string;
  startDate: Date;
  endDate: Date;
  days: { id: string; date: string; label: string | null }[];
  tracks: { id: string; name: string; colour: string; room: string | null }[];
  talks: AgendaTalk[];
};

export async function getEventAgenda(db: Db, slug: string): Promise<EventAgenda | null> {
  const event = await db.event.findUnique({
    where: { slug },
    include: {
      days: { orderBy: { date: "asc" }, select: { id: true, date: true, label: true } },
      tracks: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { id: true, name: true, colour: true, room: true },
      },
      talks: {
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        select: {
          id: true,
          title: true,
          trackId: true,
          startsAt: true,
          endsAt: true,
          timeUnknown: true,
          level: true,
          speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
        },
      },
    },
  });
  if (!event) return null;
  return {
    id: event.id,
    slug: event.slug,
    name: event.name,
    series: event.series,
    venue: event.venue,
    timeZone: event.timeZone,
    startDate: event.startDate,
    endDate: event.endDate,
    days: event.days,
    tracks: event.tracks,
    talks: event.talks.map((t) => ({ ...t, speakers: t.speakers.map((s) => s.speaker.name) })),
  };
}

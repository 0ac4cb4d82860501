import "server-only";
import { createTranslator } from "next-intl";
import { isLocale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import type { AgendaViewDay, AgendaViewTalk, AgendaViewTrack } from "@/components/events/agenda-view";
import { createInvalidatedCache } from "../cluster/invalidated-cache";
import type { Db } from "../db-client";
import { buildAgendaGrid } from "../schedule/grid";
import { formatLongDate, formatTimeRange, zonedToUtc } from "../time/zoned";
import { getEventAgenda, type AgendaTalk } from "./events";

// The agenda page's grid, per event and language, built once (one query, the grid, every label
// formatted) and kept in a cache that an admin's edit empties at once, on every instance
// (lib/cluster/invalidated-cache.ts over the invalidation bus: PostgreSQL LISTEN/NOTIFY; on
// SQLite, one process). Nothing personal is in it: stars and the live marker are added per visitor.
//
// Writes that do not go through the admin actions or the import route (the agenda CLI, a backup
// restore, a write-up import) on SQLite reach no running server's bus: AGENDA_CACHE_TTL_MS bounds
// how long such a change can stay unseen.

export const AGENDA_CACHE_TOPIC = "agenda";
export const AGENDA_CACHE_TTL_MS = 10_000;

export type CachedAgenda = {
  id: string;
  slug: string;
  name: string;
  venue: string | null;
  timeZone: string;
  /** Localised long date of the first day. */
  startLabel: string;
  tracks: AgendaViewTrack[];
  days: AgendaViewDay[];
  talkCount: number;
};

const plainIn =
  (timeZone: string) =>
  (talk: AgendaTalk): AgendaViewTalk => ({
    id: talk.id,
    title: talk.title,
    trackId: talk.trackId,
    startsAt: talk.startsAt.toISOString(),
    endsAt: talk.endsAt.toISOString(),
    timeLabel: formatTimeRange(talk.startsAt, talk.endsAt, timeZone),
    speakers: talk.speakers,
  });

export async function buildAgendaView(db: Db, slug: string, locale: string): Promise<CachedAgenda | null> {
  const event = await getEventAgenda(db, slug);
  if (!event) return null;
  const lang = isLocale(locale) ? locale : "ko";
  const plain = plainIn(event.timeZone);
  const t = createTranslator({
    locale: lang,
    messages: loadMessages(lang) as never,
    namespace: "event" as never,
  }) as unknown as (key: string) => string;
  const days: AgendaViewDay[] = buildAgendaGrid(event.talks, event.timeZone).map((day) => ({
    date: day.date,
    label: formatLongDate(zonedToUtc(day.date, "12:00", event.timeZone), event.timeZone, locale),
    rows: day.rows.map((row) => ({
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      // Placeholder instants of talks imported without a time are never shown as times.
      label: [...row.plenary, ...Object.values(row.byTrack).flat()].every((x) => x.timeUnknown)
        ? t("timeUnknown")
        : formatTimeRange(row.startsAt, row.endsAt, event.timeZone),
      plenary: row.plenary.map(plain),
      byTrack: Object.fromEntries(Object.entries(row.byTrack).map(([k, v]) => [k, v.map(plain)])),
    })),
  }));
  return {
    id: event.id,
    slug: event.slug,
    name: event.name,
    venue: event.venue,
    timeZone: event.timeZone,
    startLabel: formatLongDate(event.startDate, event.timeZone, locale),
    tracks: event.tracks,
    days,
    talkCount: event.talks.length,
  };
}

type Slot = { __summitAgendaCaches?: WeakMap<Db, ReturnType<typeof createCache>> };

function createCache(db: Db) {
  return createInvalidatedCache<CachedAgenda | null>({
    topic: AGENDA_CACHE_TOPIC,
    ttlMs: AGENDA_CACHE_TTL_MS,
    maxEntries: 200,
    load: (key) => {
      const i = key.indexOf(":");
      return buildAgendaView(db, key.slice(i + 1), key.slice(0, i));
    },
  });
}

/** One cache per process and database (a route's bundle and a server action's may each load this module). */
function cacheFor(db: Db) {
  const caches = ((globalThis as Slot).__summitAgendaCaches ??= new WeakMap());
  let c = caches.get(db);
  if (!c) caches.set(db, (c = createCache(db)));
  return c;
}

/** The agenda of `slug` in `locale` (null: no such event), from the cache. */
export function cachedAgendaView(db: Db, slug: string, locale: string): Promise<CachedAgenda | null> {
  return cacheFor(db).get(`${locale}:${slug}`);
}

/** After any committed change to events, days, tracks, slots, talks or speakers: every agenda, every instance. */
export async function invalidateAgendas(): Promise<void> {
  // Through the bus directly: this process may not have built its cache yet, the others may have.
  const { invalidationBus } = await import("../cluster/invalidation");
  await invalidationBus().publish(AGENDA_CACHE_TOPIC, null);
}

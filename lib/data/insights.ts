import "server-only";
// Service timelines, event comparisons and the service index: what talks and the notes an actor
// may read say about AWS services, across events. Talks are public (agendas); notes only through
// the one visibility rule (readableNoteIds = visibleNotesWhere's notes; what is displayed is checked
// against visibleNotesWhere once more), so neither the lists nor any count includes a note the
// actor may not read.
import type { Db } from "../db-client";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { detectProvider } from "../search";
import { searchCatalog } from "../search/catalog";
import { yearIn } from "../search/hydrate";
import { excerptServiceMentions, findServiceMentions } from "../search/service-mentions";
import type { NoteHit, TalkHit } from "../search/types";
import { MAX_COMPARED_EVENTS, MIN_COMPARED_EVENTS } from "../validations/insights";
import { visibleNotesWhere } from "./team-notes";
import { readableNoteIds } from "./visible-notes";

export type InsightEvent = {
  id: string;
  slug: string;
  name: string;
  series: string | null;
  year: number;
  startDate: Date;
  timeZone: string;
};
export type LinkedNote = NoteHit & { href: string; isOwn: boolean };

/**
 * Where a note in a result list leads: one's own note opens in its editor; a team member's note
 * opens its talk (where the reader's team notes are listed) or its event.
 */
export function noteHref(
  note: { id: string; eventSlug: string; talkId: string | null; authorId: string },
  actorId: string | null,
): string {
  const own = actorId !== null && note.authorId === actorId;
  if (note.talkId)
    return own
      ? `/events/${note.eventSlug}/talks/${note.talkId}/note`
      : `/events/${note.eventSlug}/talks/${note.talkId}`;
  return own ? `/events/${note.eventSlug}/notes/${note.id}` : `/events/${note.eventSlug}`;
}

export const linkNotes = (notes: NoteHit[], actorId: string | null): LinkedNote[] =>
  notes.map((n) => ({ ...n, href: noteHref(n, actorId), isOwn: n.authorId === actorId }));

const eventSelect = {
  id: true,
  slug: true,
  name: true,
  series: true,
  startDate: true,
  timeZone: true,
} satisfies Prisma.EventSelect;

function toInsightEvent(e: {
  id: string;
  slug: string;
  name: string;
  series: string | null;
  startDate: Date;
  timeZone: string;
}): InsightEvent {
  return { ...e, year: yearIn(e.startDate, e.timeZone) };
}

const byStart = (a: InsightEvent, b: InsightEvent) =>
  a.startDate.getTime() - b.startDate.getTime() || a.name.localeCompare(b.name);

// ---------------------------------------------------------------------------------------------
// Service timeline

export type TimelineFilters = { series?: string; year?: number; eventIds?: string[] };

export type ServiceTimeline = {
  service: { slug: string; name: string };
  /** Events with at least one mention, earliest first, after the filters. */
  events: (InsightEvent & { talkCount: number; noteCount: number; talks: TalkHit[]; notes: LinkedNote[] })[];
  totals: { events: number; talks: number; notes: number };
  /** Series and years that have mentions (before filtering), for the filter controls. */
  options: { series: string[]; years: number[] };
};

/**
 * Every talk and readable note mentioning (or tagged with) the service, grouped by event in time
 * order with counts and the first `perEvent` excerpts of each. Null for an unknown service.
 */
export async function getServiceTimeline(
  db: Db,
  actorId: string | null,
  serviceSlug: string,
  filters: TimelineFilters = {},
  perEvent = 5,
): Promise<ServiceTimeline | null> {
  return serviceTimeline(
    db,
    actorId,
    await readableNoteIds(db, actorId, filters.eventIds),
    serviceSlug,
    filters,
    perEvent,
  );
}

async function serviceTimeline(
  db: Db,
  actorId: string | null,
  visibleNoteIds: string[],
  serviceSlug: string,
  filters: TimelineFilters,
  perEvent: number,
): Promise<ServiceTimeline | null> {
  const mentions = await findServiceMentions(
    db,
    { serviceSlug, actorId, visibleNoteIds, eventIds: filters.eventIds },
    detectProvider(db),
  );
  if (!mentions) return null;
  const eventIds = [...new Set([...mentions.talks, ...mentions.notes].map((m) => m.eventId))];
  const events = (await db.event.findMany({ where: { id: { in: eventIds } }, select: eventSelect }))
    .map(toInsightEvent)
    .sort(byStart);
  const options = {
    series: [...new Set(events.flatMap((e) => (e.series ? [e.series] : [])))].sort(),
    years: [...new Set(events.map((e) => e.year))].sort((a, b) => a - b),
  };
  const shown = events.filter(
    (e) => (!filters.series || e.series === filters.series) && (!filters.year || e.year === filters.year),
  );

  const groups = shown.map((event) => ({
    event,
    notes: mentions.notes.filter((n) => n.eventId === event.id),
    talks: mentions.talks.filter((t) => t.eventId === event.id),
  }));
  const excerpts = await excerptServiceMentions(
    db,
    mentions,
    visibleNotesWhere(actorId),
    groups.flatMap((g) => g.notes.slice(0, perEvent)),
    groups.flatMap((g) => g.talks.slice(0, perEvent)),
  );
  const result = groups.map(({ event, notes, talks }) => ({
    ...event,
    talkCount: talks.length,
    noteCount: notes.length,
    talks: excerpts.talks.filter((t) => t.eventSlug === event.slug),
    notes: linkNotes(
      excerpts.notes.filter((n) => n.eventSlug === event.slug),
      actorId,
    ),
  }));
  return {
    service: { slug: mentions.service.slug, name: mentions.service.name },
    events: result,
    totals: {
      events: result.length,
      talks: result.reduce((s, e) => s + e.talkCount, 0),
      notes: result.reduce((s, e) => s + e.noteCount, 0),
    },
    options,
  };
}

// ---------------------------------------------------------------------------------------------
// Mention counting (the comparison heatmap and the service index)

type CellCounts = { talks: number; notes: number };

// Talks are public and change rarely: which services a talk mentions is remembered per process,
// keyed by id and last update (the matcher costs ~0.2 ms per abstract; a comparison reads hundreds).
const TALK_MENTIONS_CACHE_MAX = 50_000;
const talkMentionsCache = new Map<string, { updatedAt: number; slugs: string[] }>();

function talkMentions(
  matcher: { findMentions(text: string): { slug: string }[] },
  talk: { id: string; updatedAt: Date; title: string; abstract: string },
): string[] {
  const cached = talkMentionsCache.get(talk.id);
  if (cached && cached.updatedAt === talk.updatedAt.getTime()) return cached.slugs;
  const slugs = [...new Set(matcher.findMentions(`${talk.title}\n${talk.abstract}`).map((m) => m.slug))];
  if (talkMentionsCache.size >= TALK_MENTIONS_CACHE_MAX) talkMentionsCache.clear();
  talkMentionsCache.set(talk.id, { updatedAt: talk.updatedAt.getTime(), slugs });
  return slugs;
}

/**
 * Which services each talk and readable note of the given events mentions (the whole catalog's
 * matcher over title + abstract or body; a note's service tags count as mentions). One count per
 * talk or note, however often it names the service. Also the readable notes per event.
 */
async function countMentions(db: Db, visibleNoteIds: string[], eventIds: string[] | null) {
  const catalog = await searchCatalog(db);
  const inEvents = eventIds ? { eventId: { in: eventIds } } : {};
  const [talks, notes] = await Promise.all([
    db.talk.findMany({
      where: inEvents,
      select: { id: true, updatedAt: true, eventId: true, title: true, abstract: true },
    }),
    visibleNoteIds.length
      ? db.note.findMany({
          where: { id: { in: visibleNoteIds }, ...inEvents },
          select: {
            eventId: true,
            body: true,
            tags: { where: { serviceId: { not: null } }, select: { serviceId: true } },
          },
        })
      : Promise.resolve([]),
  ]);
  const counts = new Map<string, Map<string, CellCounts>>(); // slug → eventId → counts
  const notesPerEvent = new Map<string, number>();
  const add = (slug: string, eventId: string, kind: keyof CellCounts) => {
    let perEvent = counts.get(slug);
    if (!perEvent) counts.set(slug, (perEvent = new Map()));
    const cell = perEvent.get(eventId) ?? { talks: 0, notes: 0 };
    cell[kind] += 1;
    perEvent.set(eventId, cell);
  };
  for (const t of talks) for (const slug of talkMentions(catalog.matcher, t)) add(slug, t.eventId, "talks");
  for (const n of notes) {
    notesPerEvent.set(n.eventId, (notesPerEvent.get(n.eventId) ?? 0) + 1);
    const slugs = new Set(catalog.matcher.findMentions(n.body).map((m) => m.slug));
    for (const tag of n.tags) {
      const slug = tag.serviceId ? catalog.slugById.get(tag.serviceId) : undefined;
      if (slug) slugs.add(slug);
    }
    for (const slug of slugs) add(slug, n.eventId, "notes");
  }
  return { counts, names: catalog.names, shortNames: catalog.shortNames, notesPerEvent };
}

// ---------------------------------------------------------------------------------------------
// Event comparison

export type ComparedEvent = InsightEvent & {
  talkCount: number;
  noteCount: number;
  tracks: { name: string; talkCount: number }[];
};

export type EventComparison = {
  events: ComparedEvent[];
  /** Services mentioned in at least one of the events, most mentions first; `cells` follow `events`. */
  services: { slug: string; name: string; shortName: string; total: number; cells: CellCounts[] }[];
  /** Per event (same order): services mentioned there and in none of the other events. */
  unique: { slug: string; name: string; total: number }[][];
  /** The chosen service's talks and notes, per event (same order). */
  focus: {
    slug: string;
    name: string;
    perEvent: { talkCount: number; noteCount: number; talks: TalkHit[]; notes: LinkedNote[] }[];
  } | null;
};

/**
 * Compares 2-4 events (by slug; the order given is kept for ties, events are shown in time order).
 * INVALID for too few or too many events, NOT_FOUND for an unknown event or service.
 */
export async function compareEvents(
  db: Db,
  actorId: string | null,
  slugs: string[],
  focusService?: string,
  perEvent = 5,
): Promise<EventComparison> {
  const wanted = [...new Set(slugs)];
  if (wanted.length < MIN_COMPARED_EVENTS)
    throw new AppError("INVALID", "too_few_events", { events: ["too_few_events"] });
  if (wanted.length > MAX_COMPARED_EVENTS)
    throw new AppError("INVALID", "too_many_events", { events: ["too_many_events"] });
  const rows = await db.event.findMany({
    where: { slug: { in: wanted } },
    select: {
      ...eventSelect,
      tracks: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { name: true, _count: { select: { talks: true } } },
      },
      _count: { select: { talks: true } },
    },
  });
  if (rows.length !== wanted.length)
    throw new AppError("NOT_FOUND", "event_not_found", undefined, {
      missing: wanted.filter((s) => !rows.some((r) => r.slug === s)),
    });
  const eventIds = rows.map((r) => r.id);
  const visibleNoteIds = await readableNoteIds(db, actorId, eventIds);
  const { counts, names, shortNames, notesPerEvent } = await countMentions(db, visibleNoteIds, eventIds);
  const events: ComparedEvent[] = rows
    .map((r) => ({
      ...toInsightEvent(r),
      talkCount: r._count.talks,
      noteCount: notesPerEvent.get(r.id) ?? 0,
      tracks: r.tracks.map((t) => ({ name: t.name, talkCount: t._count.talks })),
    }))
    .sort(byStart);

  const services = [...counts]
    .map(([slug, perEvent]) => {
      const cells = events.map((e) => perEvent.get(e.id) ?? { talks: 0, notes: 0 });
      return {
        slug,
        name: names.get(slug) ?? slug,
        shortName: shortNames.get(slug) ?? slug,
        total: cells.reduce((s, c) => s + c.talks + c.notes, 0),
        cells,
      };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const present = (cell: CellCounts) => cell.talks + cell.notes > 0;
  const unique = events.map((_, i) =>
    services
      .filter((s) => present(s.cells[i]) && s.cells.every((c, j) => j === i || !present(c)))
      .map(({ slug, name, total }) => ({ slug, name, total })),
  );

  let focus: EventComparison["focus"] = null;
  if (focusService) {
    const timeline = await serviceTimeline(db, actorId, visibleNoteIds, focusService, { eventIds }, perEvent);
    if (!timeline) throw new AppError("NOT_FOUND", "service_not_found");
    focus = {
      slug: timeline.service.slug,
      name: timeline.service.name,
      perEvent: events.map((e) => {
        const group = timeline.events.find((g) => g.id === e.id);
        return {
          talkCount: group?.talkCount ?? 0,
          noteCount: group?.noteCount ?? 0,
          talks: group?.talks ?? [],
          notes: group?.notes ?? [],
        };
      }),
    };
  }
  return { events, services, unique, focus };
}

// ---------------------------------------------------------------------------------------------
// Service index

export type ServiceIndexEntry = { slug: string; name: string; shortName: string; talks: number; notes: number };

/**
 * Services with their mention counts (talks + readable notes). Without a query: the services that
 * are mentioned at all. With a query: every catalog service whose name or alias contains it
 * (case-insensitive), mentioned or not. `eventIds` narrows the counting (tests keep to their data).
 */
export async function listServiceIndex(
  db: Db,
  actorId: string | null,
  query = "",
  eventIds: string[] | null = null,
): Promise<ServiceIndexEntry[]> {
  const visibleNoteIds = await readableNoteIds(db, actorId, eventIds ?? undefined);
  const [{ counts, names, shortNames }, catalog] = await Promise.all([
    countMentions(db, visibleNoteIds, eventIds),
    searchCatalog(db),
  ]);
  const q = query.trim().toLowerCase();
  const slugs = q
    ? [...catalog.bySlug.values()]
        .filter((s) => s.terms.some((t) => t.toLowerCase().includes(q)) || s.slug.includes(q))
        .map((s) => s.slug)
    : [...counts.keys()];
  return slugs
    .map((slug) => {
      const cells = [...(counts.get(slug)?.values() ?? [])];
      return {
        slug,
        name: names.get(slug) ?? slug,
        shortName: shortNames.get(slug) ?? slug,
        talks: cells.reduce((s, c) => s + c.talks, 0),
        notes: cells.reduce((s, c) => s + c.notes, 0),
      };
    })
    .sort((a, b) => b.talks + b.notes - (a.talks + a.notes) || a.name.localeCompare(b.name));
}

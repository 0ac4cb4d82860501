// Loads what the result lists show for the few notes and talks on the page, and builds their
// snippets. Notes are loaded through the caller's noteWhere once more, so even a mistake in the
// provider SQL could not put a note the actor may not read on the page.
import type { Db } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import type { NoteMatch, TalkMatch } from "./backend";
import { confirmedGroupRanges, type MentionMatcherFor } from "./mentions";
import { planTexts, type QueryPlan } from "./query";
import { findLiteralRanges, flattenWhitespace, makeSnippet, mergeRanges, stripMarkdown } from "./snippet";
import type { NoteHit, Snippet, TalkHit } from "./types";

/** Literal matches of the plan plus confirmed mentions of its services (not "폴리시" for Polly). */
export function highlightedSnippet(text: string, plan: QueryPlan, matcherFor: MentionMatcherFor): Snippet {
  const flat = flattenWhitespace(stripMarkdown(text));
  const ranges = [
    ...findLiteralRanges(flat, planTexts(plan, "unchecked")),
    ...plan.groups.flatMap((g) => confirmedGroupRanges(matcherFor, flat, g)),
  ];
  return makeSnippet(flat, mergeRanges(ranges));
}

type Row = Record<string, unknown>;
const text = (v: unknown) => (v == null ? null : String(v));

/**
 * One query for the page's notes and the names they show, and, in parallel, the caller's noteWhere
 * once more over those ids: only notes that pass both are returned.
 */
export async function hydrateNotes(
  db: Db,
  noteWhere: Prisma.NoteWhereInput,
  matches: (NoteMatch & { services: string[] })[],
  plan: QueryPlan,
  matcherFor: MentionMatcherFor,
): Promise<NoteHit[]> {
  if (!matches.length) return [];
  const ids = matches.map((m) => m.id);
  const [readable, rows] = await Promise.all([
    db.note.findMany({ where: { AND: [noteWhere, { id: { in: ids } }] }, select: { id: true } }),
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT n."id", n."body", n."talkId", n."authorId", e."slug" AS "eventSlug", e."name" AS "eventName", t."title" AS "talkTitle", u."name" AS "authorName"
      FROM "Note" n
      JOIN "Event" e ON e."id" = n."eventId"
      JOIN "User" u ON u."id" = n."authorId"
      LEFT JOIN "Talk" t ON t."id" = n."talkId"
      WHERE n."id" IN (${Prisma.join(ids)})`),
  ]);
  const allowed = new Set(readable.map((r) => r.id));
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return matches.flatMap((m) => {
    const row = byId.get(m.id);
    if (!row || !allowed.has(m.id)) return [];
    return [
      {
        id: m.id,
        eventSlug: String(row.eventSlug),
        eventName: String(row.eventName),
        talkId: text(row.talkId),
        talkTitle: text(row.talkTitle),
        authorId: String(row.authorId),
        authorName: String(row.authorName),
        snippet: highlightedSnippet(String(row.body), plan, matcherFor),
        services: m.services,
      },
    ];
  });
}

export async function hydrateTalks(
  db: Db,
  matches: TalkMatch[],
  plan: QueryPlan,
  matcherFor: MentionMatcherFor,
): Promise<TalkHit[]> {
  if (!matches.length) return [];
  const ids = Prisma.join(matches.map((m) => m.id));
  const [rows, speakers] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT t."id", t."title", t."abstract", e."slug" AS "eventSlug", e."name" AS "eventName"
      FROM "Talk" t JOIN "Event" e ON e."id" = t."eventId"
      WHERE t."id" IN (${ids})`),
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT ts."talkId", s."name" FROM "TalkSpeaker" ts JOIN "Speaker" s ON s."id" = ts."speakerId"
      WHERE ts."talkId" IN (${ids}) ORDER BY ts."talkId", ts."position", s."name"`),
  ]);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const speakersOf = new Map<string, string[]>();
  for (const s of speakers)
    speakersOf.set(String(s.talkId), [...(speakersOf.get(String(s.talkId)) ?? []), String(s.name)]);
  return matches.flatMap((m) => {
    const row = byId.get(m.id);
    if (!row) return [];
    const title = String(row.title);
    return [
      {
        id: m.id,
        eventSlug: String(row.eventSlug),
        eventName: String(row.eventName),
        title,
        titleHighlights: highlightedSnippet(title, plan, matcherFor).highlights,
        snippet: highlightedSnippet(String(row.abstract), plan, matcherFor),
        speakers: speakersOf.get(m.id) ?? [],
      },
    ];
  });
}

type EventInfo = { name: string; slug: string; year: number };

/** The events the matches belong to, with the year the event started in its own time zone. */
export async function loadEvents(db: Db, ids: string[]): Promise<Map<string, EventInfo>> {
  if (!ids.length) return new Map();
  const rows = await db.event.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, slug: true, startDate: true, timeZone: true },
  });
  return new Map(rows.map((e) => [e.id, { name: e.name, slug: e.slug, year: yearIn(e.startDate, e.timeZone) }]));
}

// Building an Intl.DateTimeFormat costs ~0.1 ms; events share a handful of time zones.
const yearFormats = new Map<string, Intl.DateTimeFormat | null>();

export function yearIn(instant: Date, timeZone: string): number {
  if (!yearFormats.has(timeZone)) {
    try {
      yearFormats.set(timeZone, new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }));
    } catch {
      yearFormats.set(timeZone, null); // an unknown time zone must not break search
    }
  }
  const format = yearFormats.get(timeZone);
  return format ? Number(format.format(instant)) : instant.getUTCFullYear();
}

export async function loadAuthorNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

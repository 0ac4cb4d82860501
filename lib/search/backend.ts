// What each database provider implements (sqlite-search.ts, postgres-search.ts), and the SQL
// pieces they share. Every user-supplied string reaches the database as a bound parameter; only
// fixed identifiers are spliced in with Prisma.raw.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db-client";
import type { Alternative, QueryGroup, QueryPlan } from "./query";
import type { Visibility } from "./types";

export type NoteMatch = {
  id: string;
  eventId: string;
  talkId: string | null;
  authorId: string;
  visibility: Visibility;
  trackName: string | null;
  updatedAt: Date;
  /** Ids of the services the note is tagged with. */
  serviceIds: string[];
  /** How many groups the note matched through a service tag (ranks tagged notes first). */
  tagHits: number;
  /** Groups matched only through alternatives that need a mention check (see mentions.ts). */
  uncheckedGroups: number[];
  /** The note's text, only when uncheckedGroups is not empty. */
  text: string | null;
};

export type TalkMatch = {
  id: string;
  eventId: string;
  trackName: string | null;
  startsAt: Date;
  title: string;
  uncheckedGroups: number[];
  /** Title and abstract, only when uncheckedGroups is not empty. */
  text: string | null;
};

/**
 * Below this many visible notes, reading the visible notes' text is cheaper than asking the text
 * index for every match in the whole corpus and intersecting (measured: 605 visible notes of 100k,
 * SQLite LIKE 1.7 ms vs FTS5 8-25 ms for common terms). Above it the index path wins.
 */
export const TEXT_INDEX_MIN_VISIBLE = 10_000;

export type MatchOptions = { useTextIndex?: boolean };

export interface SearchBackend {
  /**
   * Notes among `visibleNoteIds` that match every group of the plan. `useTextIndex` forces the
   * strategy (tests run both); by default the index is used above TEXT_INDEX_MIN_VISIBLE.
   */
  matchNotes(db: Db, plan: QueryPlan, visibleNoteIds: string[], options?: MatchOptions): Promise<NoteMatch[]>;
  /** Talks (all public) whose title, abstract or speaker names match every group of the plan. */
  matchTalks(db: Db, plan: QueryPlan): Promise<TalkMatch[]>;
}

/** Trigram indexes need 3 characters (code points): shorter terms are matched with LIKE. */
export const isTrigramSized = (text: string) => [...text].length >= 3;

/** `%text%` with LIKE's wildcards and the escape character itself escaped (use ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Hangul, digits and symbols have no case: raw LIKE is already case-insensitive for them. */
export const isCaseless = (text: string) => text.toLowerCase() === text.toUpperCase();

export const shouldUseTextIndex = (visibleNoteIds: string[], options?: MatchOptions) =>
  options?.useTextIndex ?? visibleNoteIds.length > TEXT_INDEX_MIN_VISIBLE;

export const strongAlternatives = (g: QueryGroup) => g.alternatives.filter((a) => !a.needsMentionCheck);
export const checkedAlternatives = (g: QueryGroup) => g.alternatives.filter((a) => a.needsMentionCheck);

export function anyOf(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`(1 = 0)`;
}

/** Tagged with the service: a probe of the (noteId, serviceId) unique index per row. */
export function taggedWith(noteId: Prisma.Sql, serviceId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "NoteTag" tg WHERE tg."noteId" = ${noteId} AND tg."serviceId" = ${serviceId})`;
}

/** A provider's text condition: does the row's text contain any of these alternatives? */
export type TextCondition = (alternatives: Alternative[], group: number) => Prisma.Sql;

/**
 * The WHERE part: every group matches through any alternative (or its tag). Kept as plain ORs so
 * the database can use its text indexes to find candidate rows.
 */
export function everyGroupMatches(
  plan: QueryPlan,
  text: TextCondition,
  tag?: (serviceId: string) => Prisma.Sql,
): Prisma.Sql {
  return Prisma.join(
    plan.groups.map((g, i) => anyOf([text(g.alternatives, i), ...(g.serviceId && tag ? [tag(g.serviceId)] : [])])),
    " AND ",
  );
}

/**
 * The SELECT part, evaluated only for rows that passed the WHERE: one column per group, 2 when the
 * group matched outright and 1 when only an alternative that needs a mention check matched; and
 * the row's text, returned only in that second case (it is what the check reads).
 */
export function classifyGroups(
  plan: QueryPlan,
  text: TextCondition,
  textColumn: Prisma.Sql,
  tag?: (serviceId: string) => Prisma.Sql,
): Prisma.Sql {
  const strongOf = plan.groups.map((g, i) =>
    checkedAlternatives(g).length
      ? anyOf([text(strongAlternatives(g), i), ...(g.serviceId && tag ? [tag(g.serviceId)] : [])])
      : null,
  );
  const groupColumns = strongOf.map(
    (strong, i) =>
      Prisma.sql`${strong ? Prisma.sql`CASE WHEN ${strong} THEN 2 ELSE 1 END` : Prisma.sql`2`} AS ${Prisma.raw(`"g${i}"`)}`,
  );
  const checked = strongOf.filter((x): x is Prisma.Sql => x !== null);
  const textOut = checked.length
    ? Prisma.sql`CASE WHEN ${Prisma.join(
        checked.map((c) => Prisma.sql`NOT ${c}`),
        " OR ",
      )} THEN ${textColumn} END`
    : Prisma.sql`NULL`;
  return Prisma.sql`${Prisma.join(groupColumns, ", ")}, ${textOut} AS "text"`;
}

/**
 * Talks whose speakers' names contain a group's (unchecked) alternatives, one CTE per group, so
 * the speaker list is read once per group however often the condition appears in the query.
 * `contains` is the provider's condition on s."name". Use with speakerOfGroup.
 */
export function speakerCtes(plan: QueryPlan, contains: (alternatives: Alternative[]) => Prisma.Sql): Prisma.Sql {
  const ctes = plan.groups.map((g, i) => {
    const strong = strongAlternatives(g);
    const where = strong.length ? contains(strong) : Prisma.sql`(1 = 0)`;
    return Prisma.sql`${Prisma.raw(`"speakers${i}"`)} AS MATERIALIZED (SELECT ts."talkId" FROM "TalkSpeaker" ts JOIN "Speaker" s ON s."id" = ts."speakerId" WHERE ${where})`;
  });
  return Prisma.sql`WITH ${Prisma.join(ctes, ", ")}`;
}

export const speakerOfGroup = (group: number) =>
  Prisma.sql`t."id" IN (SELECT "talkId" FROM ${Prisma.raw(`"speakers${group}"`)})`;

type Row = Record<string, unknown>;

export function uncheckedGroupsOf(row: Row, plan: QueryPlan): number[] {
  return plan.groups.flatMap((_, i) => (Number(row[`g${i}`]) === 1 ? [i] : []));
}

export function toNoteMatch(row: Row, plan: QueryPlan): NoteMatch {
  const serviceIds = row.serviceIds ? String(row.serviceIds).split(",") : [];
  return {
    id: String(row.id),
    eventId: String(row.eventId),
    talkId: row.talkId == null ? null : String(row.talkId),
    authorId: String(row.authorId),
    visibility: String(row.visibility) as Visibility,
    trackName: row.trackName == null ? null : String(row.trackName),
    updatedAt: new Date(row.updatedAt as string | Date),
    serviceIds,
    tagHits: plan.groups.filter((g) => g.serviceId && serviceIds.includes(g.serviceId)).length,
    uncheckedGroups: uncheckedGroupsOf(row, plan),
    text: row.text == null ? null : String(row.text),
  };
}

export function toTalkMatch(row: Row, plan: QueryPlan): TalkMatch {
  return {
    id: String(row.id),
    eventId: String(row.eventId),
    trackName: row.trackName == null ? null : String(row.trackName),
    startsAt: new Date(row.startsAt as string | Date),
    title: String(row.title),
    uncheckedGroups: uncheckedGroupsOf(row, plan),
    text: row.text == null ? null : String(row.text),
  };
}

// PostgreSQL: pg_trgm GIN index on lower("body") (migration 20261122010000_search).
//
// Two forms of "contains", same meaning. `lower(col) LIKE lower(pattern)` is what the index
// serves, used when many notes are visible. Row by row it is slow: lower() and ILIKE convert the
// whole (mostly Korean) text once per pattern. So the few visible notes of a typical reader, the
// talks (a few thousand rows) and the classification of matched rows use plain LIKE for caseless
// terms (Hangul, digits, symbols) and ONE case-insensitive regular expression (~*) holding all the
// other terms, escaped to literals: one pass over the text. Measured on 100k notes, see README.md.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db-client";
import {
  anyOf,
  classifyGroups,
  everyGroupMatches,
  isCaseless,
  likeContains,
  speakerCtes,
  taggedWith,
  speakerOfGroup,
  toNoteMatch,
  toTalkMatch,
  shouldUseTextIndex,
  type SearchBackend,
  type TextCondition,
} from "./backend";
import type { Alternative, QueryPlan } from "./query";

const ESCAPE = Prisma.raw(`ESCAPE '\\'`);

function indexedContains(alternatives: Alternative[], columns: Prisma.Sql[]): Prisma.Sql {
  return anyOf(
    alternatives.flatMap((a) =>
      columns.map((c) => Prisma.sql`lower(${c}) LIKE lower(${likeContains(a.text)}) ${ESCAPE}`),
    ),
  );
}

/** An ARE regular expression matching `text` literally: ASCII punctuation escaped, letters and digits not (\d, \m... are classes). */
export function regexLiteral(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

function scannedContains(alternatives: Alternative[], columns: Prisma.Sql[]): Prisma.Sql {
  const caseless = alternatives.filter((a) => isCaseless(a.text));
  const cased = alternatives.filter((a) => !isCaseless(a.text));
  const parts = caseless.flatMap((a) => columns.map((c) => Prisma.sql`${c} LIKE ${likeContains(a.text)} ${ESCAPE}`));
  if (cased.length) {
    const pattern = cased.map((a) => regexLiteral(a.text)).join("|");
    parts.push(...columns.map((c) => Prisma.sql`${c} ~* ${pattern}`));
  }
  return anyOf(parts);
}

const noteBody = [Prisma.sql`n."body"`];
const indexedNoteText: TextCondition = (alternatives) => indexedContains(alternatives, noteBody);
const scannedNoteText: TextCondition = (alternatives) => scannedContains(alternatives, noteBody);
// The note's tags are read once per row (LATERAL below); a correlated EXISTS per group was planned
// as a hash of every note tagged with the service, rebuilt for each place the condition appears.
const noteTag = (serviceId: string) => Prisma.sql`COALESCE(${serviceId} = ANY(tags."serviceIds"), false)`;
// Title and abstract as one text: one pass instead of two. No term contains a newline.
const talkText: TextCondition = (alternatives, group) =>
  anyOf([scannedContains(alternatives, [Prisma.sql`(t."title" || chr(10) || t."abstract")`]), speakerOfGroup(group)]);
const speakerNames = (alternatives: Alternative[]) => scannedContains(alternatives, [Prisma.sql`s."name"`]);

export const postgresSearch: SearchBackend = {
  async matchNotes(db: Db, plan: QueryPlan, visibleNoteIds: string[], options) {
    if (!visibleNoteIds.length || !plan.groups.length) return [];
    const useIndex = shouldUseTextIndex(visibleNoteIds, options);
    const noteText = useIndex ? indexedNoteText : scannedNoteText;
    // With many candidates the WHERE must not depend on the LATERAL (it would run for every
    // visible note before filtering): the tag test is then an EXISTS the Note scan can apply.
    const tagFilter = useIndex ? (serviceId: string) => taggedWith(Prisma.sql`n."id"`, serviceId) : noteTag;
    // The visible ids arrive as one text[] parameter and every row must be in it: a note outside
    // the list cannot be returned whatever its text.
    const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      SELECT n."id", n."eventId", n."talkId", n."authorId", n."visibility"::text AS "visibility", n."updatedAt", tr."name" AS "trackName",
        array_to_string(tags."serviceIds", ',') AS "serviceIds",
        ${classifyGroups(plan, scannedNoteText, Prisma.sql`n."body"`, noteTag)}
      FROM "Note" n
      LEFT JOIN "Talk" t ON t."id" = n."talkId"
      LEFT JOIN "Track" tr ON tr."id" = t."trackId"
      LEFT JOIN LATERAL (
        SELECT array_agg(tg."serviceId") AS "serviceIds" FROM "NoteTag" tg WHERE tg."noteId" = n."id" AND tg."serviceId" IS NOT NULL
      ) tags ON true
      WHERE n."id" = ANY(${visibleNoteIds}::text[]) AND ${everyGroupMatches(plan, noteText, tagFilter)}`);
    return rows.map((r) => toNoteMatch(r, plan));
  },

  async matchTalks(db: Db, plan: QueryPlan) {
    if (!plan.groups.length) return [];
    const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      ${speakerCtes(plan, speakerNames)}
      SELECT t."id", t."eventId", t."startsAt", t."title", tr."name" AS "trackName",
        ${classifyGroups(plan, talkText, Prisma.sql`t."title" || chr(10) || t."abstract"`)}
      FROM "Talk" t
      LEFT JOIN "Track" tr ON tr."id" = t."trackId"
      WHERE ${everyGroupMatches(plan, talkText)}`);
    return rows.map((r) => toTalkMatch(r, plan));
  },
};

// SQLite: FTS5 trigram indexes (migration 20261122010000_search). Two strategies, same results
// (backend.ts, TEXT_INDEX_MIN_VISIBLE): a reader's few visible notes are matched with LIKE on their
// text; with many visible notes, alternatives of 3+ characters go through the FTS index and shorter
// ones through LIKE. Talks always use the index. Trigram matching is case-insensitive substring
// matching, like LIKE (ASCII case folding), so both paths mean the same thing.
//
// An FTS5 query string is a tiny language (AND, OR, NEAR, *, ^, column filters). User text only
// ever enters it as double-quoted strings with inner quotes doubled, where every character is
// literal; the query string itself is a bound parameter.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db-client";
import {
  anyOf,
  classifyGroups,
  everyGroupMatches,
  isTrigramSized,
  likeContains,
  speakerCtes,
  speakerOfGroup,
  taggedWith,
  toNoteMatch,
  toTalkMatch,
  shouldUseTextIndex,
  type SearchBackend,
  type TextCondition,
} from "./backend";
import type { Alternative, QueryPlan } from "./query";

export function ftsLiteralQuery(texts: string[]): string {
  return texts.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR ");
}

function likeAny(alternatives: Alternative[], columns: Prisma.Sql[]): Prisma.Sql[] {
  return alternatives.flatMap((a) =>
    columns.map((column) => Prisma.sql`${column} LIKE ${likeContains(a.text)} ESCAPE '\\'`),
  );
}

/** Trigram-sized alternatives through the FTS table, shorter ones with LIKE on the source columns. */
function ftsOrLike(
  alternatives: Alternative[],
  ftsTable: "NoteSearch" | "TalkSearch",
  columns: Prisma.Sql[],
): Prisma.Sql {
  const indexed = alternatives.filter((a) => isTrigramSized(a.text)).map((a) => a.text);
  const parts = likeAny(
    alternatives.filter((a) => !isTrigramSized(a.text)),
    columns,
  );
  if (indexed.length) {
    const fts = Prisma.raw(`"${ftsTable}"`);
    // Uncorrelated: SQLite runs the full-text query once per search and probes its result.
    parts.unshift(
      Prisma.sql`COALESCE(k."ftsRowid", -1) IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${ftsLiteralQuery(indexed)})`,
    );
  }
  return anyOf(parts);
}

const noteBody = [Prisma.sql`n."body"`];
const indexedNoteText: TextCondition = (alternatives) => ftsOrLike(alternatives, "NoteSearch", noteBody);
const scannedNoteText: TextCondition = (alternatives) => anyOf(likeAny(alternatives, noteBody));
const noteTag = (serviceId: string) => taggedWith(Prisma.sql`n."id"`, serviceId);
const talkColumns = [Prisma.sql`t."title"`, Prisma.sql`t."abstract"`];
// Speaker names (a few thousand short strings) by LIKE.
const speakerNames = (alternatives: Alternative[]) => anyOf(likeAny(alternatives, [Prisma.sql`s."name"`]));
const indexedTalkText: TextCondition = (alternatives, group) =>
  anyOf([ftsOrLike(alternatives, "TalkSearch", talkColumns), speakerOfGroup(group)]);
const scannedTalkText: TextCondition = (alternatives, group) =>
  anyOf([...likeAny(alternatives, talkColumns), speakerOfGroup(group)]);

export const sqliteSearch: SearchBackend = {
  async matchNotes(db: Db, plan: QueryPlan, visibleNoteIds: string[], options) {
    if (!visibleNoteIds.length || !plan.groups.length) return [];
    const noteText = shouldUseTextIndex(visibleNoteIds, options) ? indexedNoteText : scannedNoteText;
    // The visible ids arrive as one JSON parameter (no bound-variable limit), and every row is
    // joined from that list: a note outside it cannot be returned whatever the text matches.
    const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      SELECT n."id", n."eventId", n."talkId", n."authorId", n."visibility", n."updatedAt", tr."name" AS "trackName",
        (SELECT group_concat(tg."serviceId") FROM "NoteTag" tg WHERE tg."noteId" = n."id" AND tg."serviceId" IS NOT NULL) AS "serviceIds",
        ${classifyGroups(plan, scannedNoteText, Prisma.sql`n."body"`, noteTag)}
      FROM json_each(${JSON.stringify(visibleNoteIds)}) v
      JOIN "Note" n ON n."id" = v."value"
      LEFT JOIN "NoteSearchKey" k ON k."noteId" = n."id"
      LEFT JOIN "Talk" t ON t."id" = n."talkId"
      LEFT JOIN "Track" tr ON tr."id" = t."trackId"
      WHERE ${everyGroupMatches(plan, noteText, noteTag)}`);
    return rows.map((r) => toNoteMatch(r, plan));
  },

  async matchTalks(db: Db, plan: QueryPlan) {
    if (!plan.groups.length) return [];
    const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      ${speakerCtes(plan, speakerNames)}
      SELECT t."id", t."eventId", t."startsAt", t."title", tr."name" AS "trackName",
        ${classifyGroups(plan, scannedTalkText, Prisma.sql`t."title" || char(10) || t."abstract"`)}
      FROM "Talk" t
      LEFT JOIN "TalkSearchKey" k ON k."talkId" = t."id"
      LEFT JOIN "Track" tr ON tr."id" = t."trackId"
      WHERE ${everyGroupMatches(plan, indexedTalkText)}`);
    return rows.map((r) => toTalkMatch(r, plan));
  },
};

// Search over notes and talks, Korean and English, on SQLite (FTS5 trigram) or PostgreSQL
// (pg_trgm). One entry point; the provider-specific SQL lives in sqlite-search.ts and
// postgres-search.ts behind the SearchBackend interface. Design notes: README.md beside this file.
//
// No "server-only" import: the benchmark CLI (tsx) runs this module as well as the app.
import type { Db } from "../db-client";
import { isPostgresUrl } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import type { NoteMatch, SearchBackend, TalkMatch } from "./backend";
import { searchCatalog } from "./catalog";
import { filterAndCount, sortedCounts, talkPassesFilters } from "./facets";
import { hydrateNotes, hydrateTalks, loadAuthorNames, loadEvents } from "./hydrate";
import { confirmsGroup, type MentionMatcherFor } from "./mentions";
import { highlightPlan, planQuery, planTexts, type QueryPlan } from "./query";
import { postgresSearch } from "./postgres-search";
import { sqliteSearch } from "./sqlite-search";
import type { SearchFacets, SearchInput, SearchProvider, SearchResult, Visibility } from "./types";

export type * from "./types";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const VISIBILITY_ORDER: Visibility[] = ["PRIVATE", "TEAM", "PUBLIC"];

const BACKENDS: Record<SearchProvider, SearchBackend> = { sqlite: sqliteSearch, postgres: postgresSearch };

/**
 * Which SQL dialect a client speaks. Prisma records its provider on the client; a client that does
 * not say (a test double) is assumed to talk to the database DATABASE_URL names.
 */
export function detectProvider(db: Db): SearchProvider {
  const active = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (active) return active === "postgresql" ? "postgres" : "sqlite";
  return isPostgresUrl() ? "postgres" : "sqlite";
}

const emptyFacets = (): SearchFacets => ({
  events: [],
  years: [],
  tracks: [],
  services: [],
  authors: [],
  visibility: [],
});

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** Ids of every note noteWhere lets the actor read. No actor, no notes: never "no filter". */
async function visibleNoteIds(
  db: Db,
  actorId: string | null,
  noteWhere: Prisma.NoteWhereInput,
  known?: string[],
): Promise<string[]> {
  if (!actorId) return [];
  if (known) return known;
  const rows = await db.note.findMany({ where: noteWhere, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Drops matches whose only evidence for a service group is an alias the matcher does not confirm. */
function confirmed<T extends NoteMatch | TalkMatch>(matches: T[], plan: QueryPlan, matcherFor: MentionMatcherFor): T[] {
  return matches.filter((m) =>
    m.uncheckedGroups.every((g) => m.text !== null && confirmsGroup(matcherFor, m.text, plan.groups[g])),
  );
}

const byNoteRank = (a: NoteMatch, b: NoteMatch) =>
  b.tagHits - a.tagHits || b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id);

/** Talks whose title has a match first, then the most recent. */
function rankTalks(talks: TalkMatch[], plan: QueryPlan): TalkMatch[] {
  const needles = planTexts(plan, "unchecked").map((t) => t.toLowerCase());
  const titleHit = new Map(talks.map((t) => [t.id, needles.some((n) => t.title.toLowerCase().includes(n)) ? 1 : 0]));
  return talks.sort(
    (a, b) =>
      titleHit.get(b.id)! - titleHit.get(a.id)! ||
      b.startsAt.getTime() - a.startsAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Searches the notes `noteWhere` lets the actor read and all talks (agendas are public).
 *
 * Every word must match (a word, a "quoted phrase" or a service name of several words); matching is
 * case-insensitive substring matching, so Korean matches inside words ("이나모" finds "다이나모DB").
 * A word that names an AWS service also finds the service's other names and aliases and notes
 * tagged with it ("람다" finds "Lambda"). Nothing in the query is syntax: `*`, `OR`, `%` and quotes
 * are searched for as written. An empty query returns nothing.
 *
 * `provider` overrides the detected SQL dialect (see detectProvider).
 */
export async function searchEverything(
  db: Db,
  input: SearchInput,
  provider: SearchProvider = detectProvider(db),
): Promise<SearchResult> {
  const started = performance.now();
  const tookMs = () => Math.round((performance.now() - started) * 10) / 10;
  const empty = (): SearchResult => ({
    notes: [],
    talks: [],
    facets: emptyFacets(),
    totals: { notes: 0, talks: 0 },
    tookMs: tookMs(),
  });
  if (!input.query.trim()) return empty();

  const catalog = await searchCatalog(db);
  const plan = planQuery(input.query, catalog.resolve);
  if (!plan.groups.length) return empty();
  const backend = BACKENDS[provider];
  const filters = input.filters ?? {};
  const limit = clampLimit(input.limit);

  const [noteMatches, talkMatches] = await Promise.all([
    visibleNoteIds(db, input.actorId, input.noteWhere, input.visibleNoteIds).then((ids) =>
      backend.matchNotes(db, plan, ids),
    ),
    backend.matchTalks(db, plan),
  ]);
  const slugsOf = (ids: string[]) => ids.flatMap((id) => catalog.slugById.get(id) ?? []);
  const notes = confirmed(noteMatches, plan, catalog.mentionMatcher).map((n) => ({
    ...n,
    services: slugsOf(n.serviceIds),
  }));
  const talks = confirmed(talkMatches, plan, catalog.mentionMatcher);
  const events = await loadEvents(db, [...new Set([...notes, ...talks].map((m) => m.eventId))]);
  const yearOf = (eventId: string) => events.get(eventId)?.year ?? null;

  const { kept, counts } = filterAndCount(
    notes.map((n) => ({ ...n, year: yearOf(n.eventId) })),
    filters,
  );
  kept.sort(byNoteRank);
  const keptTalks = rankTalks(
    talks.filter((t) =>
      talkPassesFilters({ eventId: t.eventId, trackName: t.trackName, year: yearOf(t.eventId) }, filters),
    ),
    plan,
  );

  const shown = highlightPlan(plan, (slug) => catalog.bySlug.get(slug)?.terms);
  const [noteHits, talkHits, authorNames] = await Promise.all([
    hydrateNotes(db, input.noteWhere, kept.slice(0, limit), shown, catalog.mentionMatcher),
    hydrateTalks(db, keptTalks.slice(0, limit), shown, catalog.mentionMatcher),
    loadAuthorNames(db, [...counts.authors.keys()]),
  ]);

  const facets: SearchFacets = {
    events: sortedCounts(counts.events).map(([id, count]) => ({ id, name: events.get(id)?.name ?? id, count })),
    years: [...counts.years].map(([year, count]) => ({ year: Number(year), count })).sort((a, b) => b.year - a.year),
    tracks: sortedCounts(counts.tracks).map(([name, count]) => ({ name, count })),
    services: sortedCounts(counts.services).map(([slug, count]) => ({
      slug,
      name: catalog.names.get(slug) ?? slug,
      count,
    })),
    authors: sortedCounts(counts.authors).map(([id, count]) => ({ id, name: authorNames.get(id) ?? "", count })),
    visibility: VISIBILITY_ORDER.filter((v) => counts.visibility.has(v)).map((value) => ({
      value,
      count: counts.visibility.get(value)!,
    })),
  };
  return {
    notes: noteHits,
    talks: talkHits,
    facets,
    totals: { notes: kept.length, talks: keptTalks.length },
    tookMs: tookMs(),
  };
}

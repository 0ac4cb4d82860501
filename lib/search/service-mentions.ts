// Everything that mentions one service: talks (title, abstract, speakers) and the notes the actor
// may read whose text mentions it under any of its names, or that are tagged with it. The same
// matching as a search for the service's name (providers, text indexes, alias confirmation), so a
// service page and a search for "DynamoDB" agree. Used by the service timeline and the comparison.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import type { NoteMatch, SearchBackend, TalkMatch } from "./backend";
import { searchCatalog } from "./catalog";
import { hydrateNotes, hydrateTalks } from "./hydrate";
import { confirmsGroup, type MentionMatcherFor } from "./mentions";
import { postgresSearch } from "./postgres-search";
import { highlightPlan, servicePlan, type QueryPlan } from "./query";
import { sqliteSearch } from "./sqlite-search";
import type { NoteHit, SearchProvider, TalkHit } from "./types";

const BACKENDS: Record<SearchProvider, SearchBackend> = { sqlite: sqliteSearch, postgres: postgresSearch };

export type ServiceMentions = {
  service: { id: string; slug: string; name: string };
  plan: QueryPlan;
  matcherFor: MentionMatcherFor;
  /** Tagged notes first, then the most recently updated. */
  notes: (NoteMatch & { tagged: boolean })[];
  /** Earliest first. */
  talks: TalkMatch[];
};

function confirmed<T extends NoteMatch | TalkMatch>(matches: T[], plan: QueryPlan, matcherFor: MentionMatcherFor): T[] {
  return matches.filter((m) =>
    m.uncheckedGroups.every((g) => m.text !== null && confirmsGroup(matcherFor, m.text, plan.groups[g])),
  );
}

/**
 * Talks and readable notes mentioning the service `slug` (null for an unknown slug). `eventIds`
 * narrows both to those events. `visibleNoteIds`: the notes the actor may read (readableNoteIds);
 * no actor, no notes, whatever they say.
 */
export async function findServiceMentions(
  db: Db,
  input: { serviceSlug: string; actorId: string | null; visibleNoteIds: string[]; eventIds?: string[] },
  provider: SearchProvider,
): Promise<ServiceMentions | null> {
  const catalog = await searchCatalog(db);
  const service = catalog.bySlug.get(input.serviceSlug);
  const name = catalog.names.get(input.serviceSlug);
  if (!service || !name) return null;
  const plan = servicePlan(service, name);
  const backend = BACKENDS[provider];
  const inEvents = input.eventIds ? new Set(input.eventIds) : null;
  const visibleIds = input.actorId ? input.visibleNoteIds : [];
  const [noteMatches, talkMatches] = await Promise.all([
    visibleIds.length ? backend.matchNotes(db, plan, visibleIds) : Promise.resolve([]),
    backend.matchTalks(db, plan),
  ]);
  const keep = <T extends { eventId: string }>(rows: T[]) =>
    inEvents ? rows.filter((r) => inEvents.has(r.eventId)) : rows;
  const notes = confirmed(keep(noteMatches), plan, catalog.mentionMatcher)
    .map((n) => ({ ...n, tagged: n.tagHits > 0 }))
    .sort(
      (a, b) =>
        Number(b.tagged) - Number(a.tagged) ||
        b.updatedAt.getTime() - a.updatedAt.getTime() ||
        a.id.localeCompare(b.id),
    );
  const talks = confirmed(keep(talkMatches), plan, catalog.mentionMatcher).sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id),
  );
  return {
    service: { id: service.id, slug: service.slug, name },
    plan,
    matcherFor: catalog.mentionMatcher,
    notes,
    talks,
  };
}

/** Excerpts with highlighted mentions for the few notes and talks a page shows (notes re-checked against noteWhere). */
export async function excerptServiceMentions(
  db: Db,
  mentions: ServiceMentions,
  noteWhere: Prisma.NoteWhereInput,
  notes: ServiceMentions["notes"],
  talks: TalkMatch[],
): Promise<{ notes: NoteHit[]; talks: TalkHit[] }> {
  const catalog = await searchCatalog(db);
  const shown = highlightPlan(mentions.plan, (slug) => catalog.bySlug.get(slug)?.terms);
  const [noteHits, talkHits] = await Promise.all([
    hydrateNotes(
      db,
      noteWhere,
      notes.map((n) => ({ ...n, services: n.serviceIds.flatMap((id) => catalog.slugById.get(id) ?? []) })),
      shown,
      mentions.matcherFor,
    ),
    hydrateTalks(db, talks, shown, mentions.matcherFor),
  ]);
  return { notes: noteHits, talks: talkHits };
}

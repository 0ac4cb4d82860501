// Public shapes of the search module (see index.ts for the entry point and README.md for the design).
import type { Prisma } from "../generated/prisma/client";

export type Visibility = "PRIVATE" | "TEAM" | "PUBLIC";
export type SearchProvider = "sqlite" | "postgres";

export type SearchFilters = {
  eventIds?: string[];
  years?: number[];
  trackNames?: string[];
  serviceSlugs?: string[];
  authorIds?: string[];
  visibility?: Visibility[];
};

export type SearchInput = {
  query: string;
  actorId: string | null;
  /** Which notes the actor may read: pass visibleNotesWhere(actorId) from lib/data/team-notes. */
  noteWhere: Prisma.NoteWhereInput;
  /**
   * The ids of the notes noteWhere allows, when the caller has them cheaper than evaluating noteWhere
   * over every note (readableNoteIds in lib/data/visible-notes). noteWhere is still applied to the
   * notes returned.
   */
  visibleNoteIds?: string[];
  filters?: SearchFilters;
  /** Notes and talks returned (each); facets always count every match. Default 20, at most 100. */
  limit?: number;
};

/** Highlights are [start, end) offsets in UTF-16 code units (JS string indices) into `text`. */
export type Snippet = { text: string; highlights: [number, number][] };

export type NoteHit = {
  id: string;
  eventSlug: string;
  eventName: string;
  talkId: string | null;
  talkTitle: string | null;
  authorId: string;
  authorName: string;
  snippet: Snippet;
  /** Slugs of the services the note is tagged with. */
  services: string[];
};

export type TalkHit = {
  id: string;
  eventSlug: string;
  eventName: string;
  title: string;
  titleHighlights: [number, number][];
  snippet: Snippet;
  speakers: string[];
};

export type SearchFacets = {
  events: { id: string; name: string; count: number }[];
  years: { year: number; count: number }[];
  tracks: { name: string; count: number }[];
  services: { slug: string; name: string; count: number }[];
  authors: { id: string; name: string; count: number }[];
  visibility: { value: Visibility; count: number }[];
};

export type SearchResult = {
  notes: NoteHit[];
  talks: TalkHit[];
  facets: SearchFacets;
  /** How many notes / talks matched after filters (the lists above hold at most `limit`). */
  totals: { notes: number; talks: number };
  tookMs: number;
};

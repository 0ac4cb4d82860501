// Filters and facet counts over the matched notes, in memory (the matches of one search are at
// most the notes one person can read).
//
// Facets are "disjunctive": each dimension is counted with every filter applied except its own,
// so after picking event A the events facet still shows how many matches B and C have (values
// within a dimension are alternatives, dimensions narrow each other). The counts therefore never
// include notes the caller's noteWhere hides: they are computed from the visible matches only.
import type { SearchFilters, Visibility } from "./types";

export const FACET_DIMENSIONS = ["events", "years", "tracks", "services", "authors", "visibility"] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

export type FacetRow = {
  eventId: string;
  year: number | null;
  trackName: string | null;
  services: string[];
  authorId: string;
  visibility: Visibility;
};

type Counts = Record<FacetDimension, Map<string, number>>;

/** Which filter dimension each row fails (an empty or missing filter lets everything through). */
function failedDimensions(row: FacetRow, filters: SearchFilters): FacetDimension[] {
  const failed: FacetDimension[] = [];
  const misses = <T>(wanted: T[] | undefined, has: (values: T[]) => boolean) => !!wanted?.length && !has(wanted);
  if (misses(filters.eventIds, (v) => v.includes(row.eventId))) failed.push("events");
  if (misses(filters.years, (v) => row.year !== null && v.includes(row.year))) failed.push("years");
  if (misses(filters.trackNames, (v) => row.trackName !== null && v.includes(row.trackName))) failed.push("tracks");
  if (misses(filters.serviceSlugs, (v) => row.services.some((s) => v.includes(s)))) failed.push("services");
  if (misses(filters.authorIds, (v) => v.includes(row.authorId))) failed.push("authors");
  if (misses(filters.visibility, (v) => v.includes(row.visibility))) failed.push("visibility");
  return failed;
}

function valuesOf(row: FacetRow, dimension: FacetDimension): string[] {
  switch (dimension) {
    case "events":
      return [row.eventId];
    case "years":
      return row.year === null ? [] : [String(row.year)];
    case "tracks":
      return row.trackName === null ? [] : [row.trackName];
    case "services":
      return row.services;
    case "authors":
      return [row.authorId];
    case "visibility":
      return [row.visibility];
  }
}

/** The rows passing every filter, and the disjunctive counts of every dimension. */
export function filterAndCount<T extends FacetRow>(rows: T[], filters: SearchFilters): { kept: T[]; counts: Counts } {
  const counts = Object.fromEntries(FACET_DIMENSIONS.map((d) => [d, new Map<string, number>()])) as Counts;
  const kept: T[] = [];
  for (const row of rows) {
    const failed = failedDimensions(row, filters);
    if (failed.length === 0) kept.push(row);
    // A row counts for a dimension when that dimension's own filter is the only one it fails.
    const countable = failed.length === 0 ? FACET_DIMENSIONS : failed.length === 1 ? failed : [];
    for (const dimension of countable) {
      for (const value of new Set(valuesOf(row, dimension)))
        counts[dimension].set(value, (counts[dimension].get(value) ?? 0) + 1);
    }
  }
  return { kept, counts };
}

/** Talks have events, years and tracks; a note-only filter (author, service, visibility) hides them. */
export function talkPassesFilters(
  row: Pick<FacetRow, "eventId" | "year" | "trackName">,
  filters: SearchFilters,
): boolean {
  if (filters.authorIds?.length || filters.serviceSlugs?.length || filters.visibility?.length) return false;
  if (!filters.eventIds?.length && !filters.years?.length && !filters.trackNames?.length) return true;
  return (
    failedDimensions(
      { ...row, services: [], authorId: "", visibility: "PRIVATE" },
      { eventIds: filters.eventIds, years: filters.years, trackNames: filters.trackNames },
    ).length === 0
  );
}

/** Largest count first, then by label, as [value, count] pairs. */
export function sortedCounts(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

import { describe, expect, it } from "vitest";
import { filterAndCount, talkPassesFilters, type FacetRow } from "./facets";

const row = (
  eventId: string,
  authorId: string,
  services: string[],
  visibility: FacetRow["visibility"] = "PRIVATE",
): FacetRow => ({ eventId, year: eventId === "a" ? 2024 : 2023, trackName: null, services, authorId, visibility });

describe("filterAndCount", () => {
  const rows = [
    row("a", "ana", ["lambda", "s3"]),
    row("a", "bo", ["lambda"], "TEAM"),
    row("b", "ana", []),
    row("b", "bo", ["s3"], "TEAM"),
  ];

  it("counts every dimension over all rows when nothing is filtered", () => {
    const { kept, counts } = filterAndCount(rows, {});
    expect(kept).toHaveLength(4);
    expect(Object.fromEntries(counts.services)).toEqual({ lambda: 2, s3: 2 });
    expect(Object.fromEntries(counts.years)).toEqual({ 2024: 2, 2023: 2 });
  });

  it("counts each dimension with the other dimensions' filters only", () => {
    const { kept, counts } = filterAndCount(rows, { eventIds: ["a"], authorIds: ["bo"] });
    expect(kept).toEqual([rows[1]]);
    expect(Object.fromEntries(counts.events)).toEqual({ a: 1, b: 1 }); // bo's rows, by event
    expect(Object.fromEntries(counts.authors)).toEqual({ ana: 1, bo: 1 }); // event a's rows, by author
    expect(Object.fromEntries(counts.services)).toEqual({ lambda: 1 });
  });

  it("ORs values within a dimension", () => {
    expect(filterAndCount(rows, { serviceSlugs: ["s3", "lambda"] }).kept).toHaveLength(3);
  });
});

describe("talkPassesFilters", () => {
  it("applies event, year and track filters and hides talks under note-only filters", () => {
    const talk = { eventId: "a", year: 2024, trackName: "Serverless" };
    expect(talkPassesFilters(talk, { years: [2024], trackNames: ["Serverless"] })).toBe(true);
    expect(talkPassesFilters(talk, { eventIds: ["b"] })).toBe(false);
    expect(talkPassesFilters(talk, { visibility: ["TEAM"] })).toBe(false);
  });
});

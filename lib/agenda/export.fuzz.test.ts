// Any agenda the database can hold exports to files the c3voc validators accept: random names and
// titles (any Unicode, control characters, markup), guids and slugs of any shape, every IANA time
// zone, tracks with and without rooms, plenaries, long and short talks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportFrabXml, exportPretalxJson } from "./export";
import type { AgendaSnapshot, AgendaTrack } from "./plan";
import { formatIsoDate } from "../time/zoned";
import { scheduleJsonErrors, scheduleXmlErrors } from "./validators/validate";

const ZONES = Intl.supportedValuesOf("timeZone");
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
  fc.constantFrom("기조 연설", "<script>alert(1)</script>", "a\u0000b", "\uD800", "Ünïcødé — “quotes” & <tags>"),
);
const name = text.filter((s) => s.trim().length > 0);
const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/);

const agenda: fc.Arbitrary<AgendaSnapshot> = fc
  .record({
    slug,
    timeZone: fc.constantFrom(...ZONES),
    tracks: fc.uniqueArray(
      fc.record({
        name,
        room: fc.option(name, { nil: undefined }),
        colour: fc.option(fc.stringMatching(/^#[0-9a-f]{6}$/), { nil: undefined }),
      }),
      { selector: (t) => t.name, maxLength: 4 },
    ),
    talks: fc.uniqueArray(
      fc.record({
        guid: fc.option(fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 30 })), { nil: undefined }),
        slug: fc.option(fc.oneof(slug, fc.string({ maxLength: 30 })), { nil: undefined }),
        id: fc.option(fc.stringMatching(/^[a-z0-9]{8,25}$/), { nil: undefined }),
        title: name,
        abstract: fc.string({ maxLength: 80 }),
        speakers: fc.uniqueArray(name, { maxLength: 3 }),
        start: fc.date({
          min: new Date("2024-01-01T00:00:00Z"),
          max: new Date("2024-01-05T00:00:00Z"),
          noInvalidDate: true,
        }),
        minutes: fc.integer({ min: 1, max: 99 * 60 + 59 }),
        trackIndex: fc.option(fc.nat({ max: 3 }), { nil: null }),
      }),
      { selector: (t) => t.guid ?? t.id ?? Math.random(), minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ slug, timeZone, tracks, talks }) => {
    const columns: AgendaTrack[] = tracks.map((t, position) => ({
      name: t.name,
      ...(t.room ? { room: t.room } : {}),
      ...(t.colour ? { colour: t.colour } : {}),
      position,
    }));
    const stored = talks.map(({ start, minutes, trackIndex, ...t }) => ({
      ...t,
      startsAt: start,
      endsAt: new Date(start.getTime() + minutes * 60_000),
      day: formatIsoDate(start, timeZone),
      track: trackIndex !== null && columns.length ? columns[trackIndex % columns.length].name : null,
    }));
    const dates = stored.map((t) => t.day).sort();
    return {
      event: { name: `Event ${slug}`, slug, timeZone, startDate: dates[0], endDate: dates.at(-1)! },
      days: [...new Set(dates)].map((date) => ({ date })),
      tracks: columns,
      talks: stored,
    };
  });

describe("schedule exports under fuzzing", () => {
  it("every generated agenda exports to XML that passes the XSD and JSON that passes the JSON Schema", () => {
    fc.assert(
      fc.property(agenda, (a) => {
        expect(scheduleXmlErrors(exportFrabXml(a, { baseUrl: "https://notes.example.com" }))).toEqual([]);
        expect(scheduleJsonErrors(exportPretalxJson(a, { baseUrl: "https://notes.example.com" }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

// Property-based fuzzing of the agenda importers (frab XML, pretalx JSON, CSV, and the detector in
// front of them): random text, valid files with hostile values spliced in, and truncated or
// corrupted files never throw. Every outcome is a plan; bad input is a plan with errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileStrings } from "../testing/hostile-inputs";
import { parseAgendaCsv } from "./csv";
import { parseAgenda } from "./detect";
import { parseFrabXml } from "./frab-xml";
import type { AgendaPlan } from "./plan";
import { hasAgendaErrors } from "./plan";
import { parsePretalxJson } from "./pretalx-json";
import { PRETALX_SCHEDULE, smallFrab, type FixtureTalk } from "./test-fixtures";

const hostile = hostileStrings({ oversized: false });
const nasty = fc.oneof(
  fc.constantFrom(...hostile),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
);
const ZONES = [undefined, "Asia/Seoul", "UTC", "Not/AZone", "", "+09:00"];

function expectPlan(plan: AgendaPlan) {
  expect(Array.isArray(plan.problems)).toBe(true);
  expect(Array.isArray(plan.talks)).toBe(true);
  expect(Array.isArray(plan.tracks)).toBe(true);
  // A plan without errors is one that could be written: every talk has a real time span.
  if (!hasAgendaErrors(plan)) {
    for (const talk of plan.talks) {
      expect(Number.isNaN(talk.startsAt.getTime())).toBe(false);
      expect(talk.endsAt.getTime()).toBeGreaterThanOrEqual(talk.startsAt.getTime());
      expect(typeof talk.title).toBe("string");
    }
  }
}

/** Splice `insert` into `text` at a position chosen by `at` (0..1), or cut the text there. */
function mutate(text: string, at: number, insert: string, mode: "insert" | "replace" | "truncate"): string {
  const i = Math.floor(at * text.length);
  if (mode === "truncate") return text.slice(0, i);
  if (mode === "replace") return text.slice(0, i) + insert + text.slice(i + insert.length);
  return text.slice(0, i) + insert + text.slice(i);
}
const mutation = fc.tuple(
  fc.double({ min: 0, max: 1, noNaN: true }),
  nasty,
  fc.constantFrom("insert" as const, "replace" as const, "truncate" as const),
);

const frab = smallFrab();
const pretalx = JSON.stringify(PRETALX_SCHEDULE);
const csv = [
  "date,start,end,track,title,speakers,abstract,level",
  "2024-05-16,10:00,10:40,Track 1,Lambda deep dive,김민수; Jane Doe,Cold starts,300",
  "2024-05-16,10:50,11:30,Track 2,서버리스 아키텍처,이서연,,200",
].join("\n");
const CSV_COLUMNS = ["date", "start", "end", "track", "title", "speakers", "abstract", "level", "room", "guid"];

describe("agenda importers under fuzzing", () => {
  it("random text never throws, whatever the file name says", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("a.xml", "a.json", "a.csv", "agenda", ""),
        fc.oneof(fc.string({ maxLength: 300 }), nasty),
        fc.constantFrom(...ZONES),
        (name, text, timeZone) => {
          expectPlan(parseAgenda(name, text, { timeZone }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("frab XML with hostile titles, rooms, tracks, people and guids parses to a plan (values kept as text)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom<keyof FixtureTalk>(
              "title",
              "room",
              "track",
              "guid",
              "abstract",
              "start",
              "duration",
              "day",
            ),
            nasty,
          ),
          { maxLength: 4 },
        ),
        fc.constantFrom(...ZONES),
        (edits, timeZone) => {
          const text = smallFrab((talks) =>
            talks.map((t, i) => (i < edits.length ? { ...t, [edits[i][0]]: edits[i][1] } : t)),
          );
          const plan = parseFrabXml(text, { timeZone });
          expectPlan(plan);
          // A hostile title that the parser accepted comes through verbatim (no HTML decoding into markup).
          const edited = edits.find(([field]) => field === "title");
          if (edited && !hasAgendaErrors(plan) && edited[1].trim())
            expect(plan.talks.some((t) => t.title.includes(edited[1].trim().slice(0, 10)))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("corrupted or truncated frab XML never throws", () => {
    fc.assert(
      fc.property(mutation, ([at, insert, mode]) => expectPlan(parseFrabXml(mutate(frab, at, insert, mode)))),
      { numRuns: 200 },
    );
  });

  it("corrupted pretalx JSON and random JSON values never throw", () => {
    fc.assert(
      fc.property(mutation, ([at, insert, mode]) => expectPlan(parsePretalxJson(mutate(pretalx, at, insert, mode)))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (json) => expectPlan(parsePretalxJson(json))),
      { numRuns: 200 },
    );
    // Right shape, hostile leaves.
    fc.assert(
      fc.property(
        nasty,
        fc.constantFrom("title", "room", "track", "start", "duration", "date", "guid", "persons"),
        (v, field) => {
          const schedule = structuredClone(PRETALX_SCHEDULE) as {
            schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } };
          };
          for (const day of schedule.schedule.conference.days)
            for (const events of Object.values(day.rooms))
              for (const e of events) e[field] = field === "persons" ? [{ public_name: v }] : v;
          expectPlan(parsePretalxJson(JSON.stringify(schedule)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("CSV with hostile cells, odd quoting and random columns never throws", () => {
    fc.assert(
      fc.property(mutation, ([at, insert, mode]) => expectPlan(parseAgendaCsv(mutate(csv, at, insert, mode)))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(CSV_COLUMNS, { minLength: 1 }),
        fc.array(fc.array(nasty, { minLength: 1, maxLength: 10 }), { maxLength: 6 }),
        (columns, rows) => {
          const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
          const text = [columns.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\n");
          expectPlan(parseAgendaCsv(text, { eventName: rows[0]?.[0] }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

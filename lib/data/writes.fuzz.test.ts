// Fuzzing the write paths behind the validation boundary, on SQLite and PostgreSQL: hostile agenda
// files through parse → applyAgendaPlan, and hostile note saves through parseOrThrow → saveNote.
// Each attempt is all or nothing: on success exactly what was asked is stored (text verbatim), on
// refusal an AppError and not one row changed.
import fc from "fast-check";
import { expect, it } from "vitest";
import { parseAgenda } from "../agenda/detect";
import { hasAgendaErrors } from "../agenda/plan";
import { smallFrab, type FixtureTalk } from "../agenda/test-fixtures";
import type { Db } from "../db-client";
import { isAppError } from "../errors";
import { parseOrThrow } from "../http";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { HOSTILE_VALUES, hostileStrings } from "../testing/hostile-inputs";
import { noteSaveInput } from "../validations/notes";
import { applyAgendaPlan } from "./agenda-import";
import { saveNote } from "./notes";

const hostile = hostileStrings({ oversized: false });
const nasty = fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 20 }));

async function counts(db: Db) {
  const [events, days, tracks, slots, talks, speakers, notes, revisions] = await Promise.all([
    db.event.count(),
    db.day.count(),
    db.track.count(),
    db.timeSlot.count(),
    db.talk.count(),
    db.speaker.count(),
    db.note.count(),
    db.noteRevision.count(),
  ]);
  return { events, days, tracks, slots, talks, speakers, notes, revisions };
}

describeEachDatabase("write paths under fuzzing", (getDb) => {
  it("hostile agenda imports are written whole, verbatim, or not at all", async () => {
    const db = getDb();
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom<keyof FixtureTalk>("title", "room", "track", "guid", "start", "duration"), nasty),
          { minLength: 1, maxLength: 3 },
        ),
        async (edits) => {
          const title = `Fuzz ${uniqueSuffix()}`;
          const text = smallFrab(
            (talks) => talks.slice(0, 6).map((t, i) => (i < edits.length ? { ...t, [edits[i][0]]: edits[i][1] } : t)),
            { title, rooms: 2 },
          );
          const plan = parseAgenda("fuzz.xml", text);
          const before = await counts(db);
          try {
            const summary = await applyAgendaPlan(db, plan);
            expect(hasAgendaErrors(plan)).toBe(false);
            applied++;
            const talks = await db.talk.findMany({ where: { eventId: summary.eventId }, select: { title: true } });
            expect(talks.map((t) => t.title).sort()).toEqual(plan.talks.map((t) => t.title).sort());
          } catch (e) {
            expect(isAppError(e), String(e)).toBe(true);
            expect(await counts(db)).toEqual(before);
          }
        },
      ),
      { numRuns: 12 },
    );
    expect(applied).toBeGreaterThan(0);
  });

  it("hostile CSV and pretalx JSON cells (control characters, NUL, markup) are imported verbatim or refused whole", async () => {
    const db = getDb();
    for (const cell of hostile) {
      const title = `Fuzz CSV ${uniqueSuffix()}`;
      const quoted = `"${cell.replace(/"/g, '""')}"`;
      const text = [
        "date,start,end,track,title,speakers",
        `2024-05-16,10:00,10:40,Track 1,${quoted},${quoted}`,
        `2024-05-16,11:00,11:40,${quoted},Plain,Kim`,
      ].join("\n");
      const plan = parseAgenda("fuzz.csv", text, { eventName: title });
      const before = await counts(db);
      try {
        await applyAgendaPlan(db, plan);
      } catch (e) {
        expect(isAppError(e), `${JSON.stringify(cell)}: ${String(e)}`).toBe(true);
        expect(await counts(db)).toEqual(before);
      }
    }
  });

  it("hostile note saves: refused with an AppError and nothing written, or stored verbatim as one revision", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const user = await db.user.create({ data: { email: `fuzz-${s}@example.test`, name: "Fuzz" } });
    const event = await db.event.create({
      data: {
        name: `Fuzz notes ${s}`,
        slug: `fuzz-notes-${s}`,
        startDate: new Date("2016-05-17"),
        endDate: new Date("2016-05-17"),
      },
    });
    const note = await db.note.create({
      data: { authorId: user.id, eventId: event.id, talkId: null, body: "start", version: 1 },
    });
    let version = 1;
    let saved = 0;
    const field = fc.oneof(nasty, fc.constantFrom(...HOSTILE_VALUES));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          opId: fc.oneof(fc.constant("valid"), field),
          noteId: fc.oneof(fc.constant("valid"), field),
          baseVersion: fc.oneof(fc.constant("valid"), field),
          body: fc.oneof(nasty, field),
        }),
        async (raw) => {
          const input = {
            opId: raw.opId === "valid" ? `op-${uniqueSuffix()}` : raw.opId,
            noteId: raw.noteId === "valid" ? note.id : raw.noteId,
            eventId: event.id,
            baseVersion: raw.baseVersion === "valid" ? version : raw.baseVersion,
            body: raw.body,
          };
          const before = await counts(db);
          const revisionsBefore = await db.noteRevision.count({ where: { noteId: note.id } });
          try {
            const parsed = parseOrThrow(noteSaveInput, input);
            const r = await saveNote(db, user.id, parsed);
            const stored = await db.note.findUniqueOrThrow({
              where: { id: note.id },
              select: { body: true, version: true },
            });
            if (r.status === "saved" && r.version !== version) {
              saved++;
              version = r.version;
              expect(stored.body).toBe(parsed.body);
              expect(stored.body).toBe(String(input.body).replace(/\u0000/g, ""));
              expect(await db.noteRevision.count({ where: { noteId: note.id } })).toBe(revisionsBefore + 1);
            } else {
              expect(await counts(db)).toEqual(before);
            }
          } catch (e) {
            expect(isAppError(e), String(e)).toBe(true);
            expect(await counts(db)).toEqual(before);
          }
        },
      ),
      // Always tried, whatever the random draw: every hostile string as a note body.
      {
        numRuns: 60,
        examples: hostile.map((body): [{ opId: unknown; noteId: unknown; baseVersion: unknown; body: unknown }] => [
          { opId: "valid", noteId: "valid", baseVersion: "valid", body },
        ]),
      },
    );
    expect(saved).toBeGreaterThan(0);
  });
});

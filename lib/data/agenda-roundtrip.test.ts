// Issue 17's "done when": for every format we import, import → export (frab XML and schedule JSON)
// → both pass the official c3voc validators → re-import gives the same agenda: into the same event
// nothing changes (notes stay on their talks), into a new event the same days, tracks and talks
// with the same guids, ids and slugs. On SQLite and PostgreSQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { parseAgenda } from "../agenda/detect";
import { exportFrabXml, exportPretalxJson } from "../agenda/export";
import { PRETALX_SCHEDULE, scheduleEssentials, fixtureTalks, frabXmlFrom } from "../agenda/test-fixtures";
import { SCHEDULE_V2 } from "../agenda/test-fixtures-v2";
import { scheduleJsonErrors, scheduleXmlErrors } from "../agenda/validators/validate";
import type { Db } from "../db-client";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { eventInput, talkInput } from "../validations/agenda-admin";
import { createEvent, saveTalk, saveTrack } from "./agenda-admin";
import { applyAgendaPlan, loadAgendaSnapshot, planToPreview } from "./agenda-import";

const BASE = { baseUrl: "http://localhost:3000" };
const examples = path.join(import.meta.dirname, "../agenda/validators/examples");
const ONE_DAY = { days: ["2024-05-16"], rooms: 3 };

type Source = { format: string; filename: string; text: () => string; timeZone?: string };
const SOURCES: Source[] = [
  { format: "frab-xml", filename: "schedule.xml", text: () => frabXmlFrom(fixtureTalks(ONE_DAY), ONE_DAY) },
  { format: "pretalx-json", filename: "pretalx.json", text: () => JSON.stringify(PRETALX_SCHEDULE) },
  {
    format: "pretalx-json",
    filename: "pretalx-democon.json",
    text: () => readFileSync(path.join(examples, "pretalx-democon.json"), "utf8"),
  },
  { format: "schedule-v2-json", filename: "hub.json", text: () => JSON.stringify(SCHEDULE_V2) },
  {
    format: "schedule-v2-json",
    filename: "hub-schedule2.json",
    text: () => readFileSync(path.join(examples, "hub-schedule2.json"), "utf8"),
  },
  {
    format: "csv",
    filename: "agenda.csv",
    timeZone: "Asia/Seoul",
    text: () =>
      "date,start,end,track,room,title,speakers,abstract,level\n" +
      "2016-05-17,09:00,10:00,,,기조 연설,염동훈;Werner Vogels,,\n" +
      "2016-05-17,13:00,13:40,Track 1,Room 101,Lambda 딥 다이브,김민수,Cold starts,300\n" +
      "2016-05-17,13:00,13:40,Track 2,Room 102,Aurora internals,Jane Doe,,200\n",
  },
];

/** guid, id and slug of every talk in a schedule JSON export, by guid. */
function exportedIds(json: string): Map<string, { id: number; slug: string }> {
  type Talk = { guid: string; id: number; slug: string };
  const days = JSON.parse(json).schedule.conference.days as { rooms: Record<string, Talk[]> }[];
  return new Map(days.flatMap((d) => Object.values(d.rooms).flat()).map((t) => [t.guid, { id: t.id, slug: t.slug }]));
}

async function exportsOf(db: Db, eventId: string) {
  const snapshot = (await loadAgendaSnapshot(db, eventId))!;
  return { snapshot, xml: exportFrabXml(snapshot, BASE), json: exportPretalxJson(snapshot, BASE) };
}

async function noteOn(db: Db, eventId: string) {
  const talk = await db.talk.findFirstOrThrow({ where: { eventId }, orderBy: { startsAt: "asc" } });
  const user = await db.user.create({ data: { email: `rt-${uniqueSuffix()}@example.test`, name: "Note taker" } });
  return db.note.create({
    data: { authorId: user.id, eventId, talkId: talk.id, body: "Kept through every re-import" },
  });
}

/** The whole round trip for one stored event. */
async function roundTrip(db: Db, eventId: string, slug: string) {
  const note = await noteOn(db, eventId);
  const first = await exportsOf(db, eventId);
  expect(scheduleXmlErrors(first.xml)).toEqual([]);
  expect(scheduleJsonErrors(first.json)).toEqual([]);
  const talkCount = first.snapshot.talks.length;

  for (const [file, text] of [
    ["export.xml", first.xml],
    ["export.json", first.json],
  ] as const) {
    const plan = parseAgenda(file, text);
    expect(
      plan.problems.filter((p) => p.severity === "error"),
      file,
    ).toEqual([]);
    // Into the same event: a preview with no changes, and nothing changes.
    const preview = planToPreview(plan, first.snapshot);
    expect(preview.changes, file).toMatchObject({
      added: [],
      updated: [],
      moved: [],
      removed: [],
      unchanged: talkCount,
    });
    const same = await applyAgendaPlan(db, plan, { eventSlug: slug });
    expect(same.talks, file).toEqual({ added: 0, updated: 0, moved: 0, unchanged: talkCount, removed: 0, kept: [] });
    expect(scheduleEssentials((await loadAgendaSnapshot(db, eventId))!), file).toEqual(
      scheduleEssentials(first.snapshot),
    );
    expect(await db.note.findUniqueOrThrow({ where: { id: note.id } }), file).toMatchObject({ talkId: note.talkId });

    // Into a new event: the same agenda, and its exports carry the same guids, ids and slugs.
    const copy = await applyAgendaPlan(db, plan, { eventSlug: `copy-${uniqueSuffix()}` });
    const again = await exportsOf(db, copy.eventId);
    expect(scheduleEssentials(again.snapshot, { withLevels: false }), file).toEqual(
      scheduleEssentials(first.snapshot, { withLevels: false }),
    );
    expect(exportedIds(again.json), file).toEqual(exportedIds(first.json));
    expect(scheduleXmlErrors(again.xml), file).toEqual([]);
    expect(scheduleJsonErrors(again.json), file).toEqual([]);
  }
  // A later export of the untouched event is the same file.
  expect((await exportsOf(db, eventId)).json).toBe(first.json);
}

describeEachDatabase("agenda import → export → validate → re-import", (getDb) => {
  for (const source of SOURCES) {
    it(`${source.filename} (${source.format})`, async () => {
      const db = getDb();
      const plan = parseAgenda(source.filename, source.text(), { timeZone: source.timeZone, eventName: "Round trip" });
      expect(plan.format).toBe(source.format);
      const slug = `rt-${uniqueSuffix()}`;
      const { eventId } = await applyAgendaPlan(db, plan, { eventSlug: slug });
      await roundTrip(db, eventId, slug);
      // The original file, imported again after all that, still matches every talk.
      const original = await applyAgendaPlan(
        db,
        parseAgenda(source.filename, source.text(), { timeZone: source.timeZone }),
        { eventSlug: slug },
      );
      expect(original.talks).toMatchObject({ added: 0, removed: 0, kept: [] });
    });
  }

  it("an agenda made in Summit Notes (no guids, no slugs) and one imported from a CSV with levels", async () => {
    const db = getDb();
    const event = await createEvent(
      db,
      eventInput.parse({
        name: `Made here ${uniqueSuffix()}`,
        timeZone: "Asia/Seoul",
        startDate: "2024-05-16",
        endDate: "2024-05-17",
      }),
    );
    const track = await saveTrack(db, { eventId: event.id, name: "Track 1", colour: "#2563eb", position: 0 });
    const talk = (title: string, trackId: string | null, date: string, start: string, end: string) =>
      saveTalk(db, talkInput.parse({ eventId: event.id, title, date, start, end, trackId, speakers: "Ana, 김민수" }));
    await talk("기조 연설", null, "2024-05-16", "09:00", "10:00");
    await talk("Lambda deep dive", track.id, "2024-05-16", "13:00", "13:40");
    await talk("Day two", track.id, "2024-05-17", "10:00", "10:40");
    await roundTrip(db, event.id, event.slug);

    // Levels are not part of schedule JSON/XML: a re-import of an export keeps the stored ones.
    const csv = SOURCES.find((s) => s.format === "csv")!;
    const slug = `levels-${uniqueSuffix()}`;
    const { eventId } = await applyAgendaPlan(db, parseAgenda(csv.filename, csv.text(), { timeZone: csv.timeZone }), {
      eventSlug: slug,
    });
    const levels = async () =>
      (
        await db.talk.findMany({ where: { eventId }, orderBy: { title: "asc" }, select: { title: true, level: true } })
      ).map((t) => `${t.title}:${t.level}`);
    expect(await levels()).toEqual(["Aurora internals:INTERMEDIATE", "Lambda 딥 다이브:ADVANCED", "기조 연설:null"]);
    const { json } = await exportsOf(db, eventId);
    await applyAgendaPlan(db, parseAgenda("export.json", json), { eventSlug: slug });
    expect(await levels()).toEqual(["Aurora internals:INTERMEDIATE", "Lambda 딥 다이브:ADVANCED", "기조 연설:null"]);
  });

  it("a v2 re-import by guid updates a moved talk in place and keeps its note", async () => {
    const db = getDb();
    const slug = `hub-${uniqueSuffix()}`;
    const { eventId } = await applyAgendaPlan(db, parseAgenda("hub.json", JSON.stringify(SCHEDULE_V2)), {
      eventSlug: slug,
    });
    const opening = await db.talk.findFirstOrThrow({
      where: { eventId, externalGuid: "270fa44c-821a-577f-8ca3-33e8d4a8c2a7" },
    });
    const user = await db.user.create({ data: { email: `hub-${uniqueSuffix()}@example.test`, name: "Note taker" } });
    const note = await db.note.create({
      data: { authorId: user.id, eventId, talkId: opening.id, body: "Opening notes" },
    });

    const moved = structuredClone(SCHEDULE_V2);
    Object.assign(moved.schedule.events[0], {
      start: "2024-12-27T10:45:00+01:00",
      end: "2024-12-27T11:15:00+01:00",
      title: "Opening Ceremony (late)",
    });
    moved.schedule.events.splice(2, 1); // "Fuzzing basebands" was cancelled
    const summary = await applyAgendaPlan(db, parseAgenda("hub.json", JSON.stringify(moved)), { eventSlug: slug });
    expect(summary.talks).toEqual({ added: 0, updated: 0, moved: 1, unchanged: 4, removed: 1, kept: [] });
    const after = await db.talk.findUniqueOrThrow({ where: { id: opening.id }, include: { notes: true } });
    expect(after).toMatchObject({
      title: "Opening Ceremony (late)",
      startsAt: new Date("2024-12-27T09:45:00Z"),
      externalSlug: "hubcon24-opening-ceremony",
    });
    expect(after.notes.map((n) => n.id)).toEqual([note.id]);
  });
});

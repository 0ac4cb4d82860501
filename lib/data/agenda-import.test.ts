import { expect, it } from "vitest";
import { parseAgendaCsv } from "../agenda/csv";
import { parseAgenda } from "../agenda/detect";
import { exportFrabXml, exportPretalxJson } from "../agenda/export";
import { parseFrabXml } from "../agenda/frab-xml";
import { parsePretalxJson } from "../agenda/pretalx-json";
import {
  agendaEssentials,
  BAD_AGENDAS,
  fixtureTalks,
  frabXmlFrom,
  generateFrabXml,
  scheduleEssentials,
  type FixtureTalk,
} from "../agenda/test-fixtures";
import type { Db } from "../db-client";
import { AppError } from "../errors";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import {
  applyAgendaPlan,
  findImportTarget,
  importAgenda,
  loadAgendaSnapshot,
  loadAgendaSnapshotBySlug,
  planToPreview,
} from "./agenda-import";

async function rowCounts(db: Db) {
  return {
    events: await db.event.count(),
    days: await db.day.count(),
    tracks: await db.track.count(),
    slots: await db.timeSlot.count(),
    talks: await db.talk.count(),
    speakers: await db.speaker.count(),
    talkSpeakers: await db.talkSpeaker.count(),
    notes: await db.note.count(),
  };
}

const ONE_DAY = { days: ["2024-05-16"], rooms: 3 };

describeEachDatabase("agenda import", (getDb) => {
  it("imports a 111-talk frab schedule: event, days, tracks, slots, talks, speakers", async () => {
    const db = getDb();
    const acronym = `summit-${uniqueSuffix()}`;
    const plan = parseFrabXml(generateFrabXml({ acronym }));
    const before = await rowCounts(db);
    const summary = await applyAgendaPlan(db, plan);
    expect(summary).toEqual({
      eventId: expect.any(String),
      eventSlug: acronym,
      createdEvent: true,
      days: { created: 3, removed: 0 },
      tracks: { created: 6, updated: 0, removed: 0 },
      slots: { created: 21, removed: 0 },
      talks: { added: 111, updated: 0, moved: 0, unchanged: 0, removed: 0, kept: [] },
      speakers: { created: 11, removed: 0 },
      warnings: [],
    });
    const after = await rowCounts(db);
    const links = fixtureTalks().reduce((n, t) => n + t.persons.length, 0);
    expect(after).toEqual({
      ...before,
      events: before.events + 1,
      days: before.days + 3,
      tracks: before.tracks + 6,
      slots: before.slots + 21,
      talks: before.talks + 111,
      speakers: before.speakers + 11,
      talkSpeakers: before.talkSpeakers + links,
    });

    const event = await db.event.findUniqueOrThrow({ where: { slug: acronym } });
    expect(event).toMatchObject({
      name: "AWS Summit Berlin 2024",
      timeZone: "Europe/Berlin",
      startDate: new Date("2024-03-29T23:00:00Z"),
      endDate: new Date("2024-04-01T21:59:00Z"),
    });
    const talk = await db.talk.findFirstOrThrow({
      where: { eventId: event.id, externalGuid: "talk-2-1-2" },
      include: {
        track: true,
        slot: { include: { day: true } },
        speakers: { orderBy: { position: "asc" }, include: { speaker: true } },
      },
    });
    expect(talk.startsAt.toISOString()).toBe("2024-03-31T09:20:00.000Z"); // 11:20 CEST, the day the clocks changed
    expect(talk.track).toMatchObject({ name: "Track 1", room: "Room 301", position: 0 });
    expect(talk.slot).toMatchObject({ startsAt: talk.startsAt, endsAt: talk.endsAt, day: { date: "2024-03-31" } });
    expect(talk.speakers.map((s) => s.speaker.name)).toEqual(
      fixtureTalks().find((t) => t.guid === "talk-2-1-2")!.persons,
    );
    const keynote = await db.talk.findFirstOrThrow({ where: { eventId: event.id, externalGuid: "keynote-1" } });
    expect(keynote).toMatchObject({
      trackId: null,
      title: "기조 연설: The road ahead",
      startsAt: new Date("2024-03-30T08:00:00Z"),
    });
  });

  it("import → export (XML and JSON) → import gives the same agenda", async () => {
    const db = getDb();
    const plan = parseFrabXml(generateFrabXml({ acronym: `rt-${uniqueSuffix()}` }));
    const { eventId } = await applyAgendaPlan(db, plan);
    const stored = (await loadAgendaSnapshot(db, eventId))!;
    // The file had no colours: the database gave each track one, which the copies must keep too.
    expect(agendaEssentials(stored, { withColours: false })).toEqual(agendaEssentials(plan));
    expect(stored.tracks.every((t) => /^#[0-9a-f]{6}$/.test(t.colour!))).toBe(true);
    // (Every format, validated, re-imported in place too: agenda-roundtrip.test.ts.)
    const options = { baseUrl: "http://localhost:3000" };
    for (const reparsed of [
      parseFrabXml(exportFrabXml(stored, options)),
      parsePretalxJson(exportPretalxJson(stored, options)),
    ]) {
      expect(reparsed.problems).toEqual([]);
      const copy = await applyAgendaPlan(db, reparsed, { eventSlug: `copy-${uniqueSuffix()}` });
      expect(copy.createdEvent).toBe(true);
      expect(scheduleEssentials((await loadAgendaSnapshot(db, copy.eventId))!)).toEqual(scheduleEssentials(stored));
    }
  });

  it("refuses every bad input with INVALID and its problems, and writes nothing", async () => {
    const db = getDb();
    const existing = `bad-${uniqueSuffix()}`;
    await applyAgendaPlan(db, parseFrabXml(frabXmlFrom(fixtureTalks(ONE_DAY), { ...ONE_DAY, acronym: existing })));
    const before = await rowCounts(db);
    for (const bad of BAD_AGENDAS) {
      const plan = parseAgenda(bad.filename, bad.text(), { eventName: "Bad" });
      for (const options of [{}, { eventSlug: existing }]) {
        const error = await applyAgendaPlan(db, plan, options).catch((e: unknown) => e);
        expect(error, bad.name).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("INVALID");
        expect((error as AppError).message).toMatch(
          /^The agenda has \d+ error\(s\), so nothing was imported\. First: /,
        );
        expect((error as AppError).details).toEqual(plan.problems);
      }
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it("refuses to import a schedule twice under its own slug, and writes nothing", async () => {
    const db = getDb();
    const plan = parseFrabXml(frabXmlFrom(fixtureTalks(ONE_DAY), { ...ONE_DAY, acronym: `twice-${uniqueSuffix()}` }));
    await applyAgendaPlan(db, plan);
    const before = await rowCounts(db);
    await expect(applyAgendaPlan(db, plan)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`--event ${plan.event.slug}`),
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("makes a unique slug from the name when the file has none", async () => {
    const db = getDb();
    const name = `Meetup ${uniqueSuffix()}`;
    const csv = "date,start,end,track,room,title,speakers,abstract\n2024-05-16,19:00,19:30,,,Welcome,Host,\n";
    const first = await applyAgendaPlan(db, parseAgendaCsv(csv, { eventName: name }));
    const second = await applyAgendaPlan(db, parseAgendaCsv(csv, { eventName: name }));
    expect(first.eventSlug).toBe(name.toLowerCase().replace(" ", "-"));
    expect(second.eventSlug).toBe(`${first.eventSlug}-2`);
  });

  it("re-imports in place: a moved talk keeps its note, a removed talk with a note is kept", async () => {
    const db = getDb();
    const slug = `reimport-${uniqueSuffix()}`;
    const original = fixtureTalks(ONE_DAY);
    const plan = parseFrabXml(frabXmlFrom(original, { ...ONE_DAY, acronym: slug }));
    const { eventId } = await applyAgendaPlan(db, plan);
    const talkId = async (guid: string) =>
      (await db.talk.findFirstOrThrow({ where: { eventId, externalGuid: guid } })).id;
    const user = await db.user.create({ data: { email: `${slug}@example.test`, name: "Note taker" } });
    const movedId = await talkId("talk-1-2-3");
    const note = await db.note.create({ data: { authorId: user.id, eventId, talkId: movedId, body: "Great talk" } });
    const keptId = await talkId("talk-1-3-6");
    await db.note.create({ data: { authorId: user.id, eventId, talkId: keptId, body: "Also noted" } });

    const changed: FixtureTalk[] = [
      ...original
        .filter((t) => t.guid !== "talk-1-3-6" && t.guid !== "talk-1-3-5")
        .map((t) => (t.guid === "talk-1-2-3" ? { ...t, start: "16:00", room: "Room 303", track: "Track 3" } : t))
        .map((t) =>
          t.guid === "talk-1-1-1" ? { ...t, title: "Lambda deep dive (updated)", persons: ["New Speaker"] } : t,
        ),
      { ...original[1], guid: "new-1", title: "Added late", start: "16:00" },
    ];
    const second = parseFrabXml(frabXmlFrom(changed, { ...ONE_DAY, acronym: slug }));
    const preview = planToPreview(second, await loadAgendaSnapshot(db, eventId));
    expect(preview.changes).toMatchObject({ unchanged: 15 });
    expect(preview.changes!.added.map((t) => t.guid)).toEqual(["new-1"]);
    expect(preview.changes!.updated.map((t) => t.guid)).toEqual(["talk-1-1-1"]);
    expect(preview.changes!.moved).toEqual([
      expect.objectContaining({
        guid: "talk-1-2-3",
        track: "Track 3",
        from: expect.objectContaining({ track: "Track 2" }),
      }),
    ]);
    expect(preview.changes!.removed.map((t) => [t.guid, t.hasUserData]).sort()).toEqual([
      ["talk-1-3-5", false],
      ["talk-1-3-6", true],
    ]);

    const summary = await applyAgendaPlan(db, second, { eventSlug: slug });
    expect(summary).toMatchObject({
      createdEvent: false,
      eventId,
      talks: {
        added: 1,
        updated: 1,
        moved: 1,
        unchanged: 15,
        removed: 1,
        kept: [{ guid: "talk-1-3-6", title: original.find((t) => t.guid === "talk-1-3-6")!.title }],
      },
      slots: { created: 1, removed: 0 },
    });
    const moved = await db.talk.findUniqueOrThrow({
      where: { id: movedId },
      include: { track: true, slot: true, notes: true },
    });
    expect(moved.startsAt.toISOString()).toBe("2024-05-16T14:00:00.000Z"); // 16:00 CEST
    expect(moved.track!.name).toBe("Track 3");
    expect(moved.slot!.startsAt).toEqual(moved.startsAt);
    expect(moved.notes.map((n) => n.id)).toEqual([note.id]);
    expect(await db.talk.findUnique({ where: { id: keptId } })).not.toBeNull();
    expect(await db.talk.count({ where: { eventId, externalGuid: "talk-1-3-5" } })).toBe(0);
    const renamed = await db.talk.findFirstOrThrow({
      where: { eventId, externalGuid: "talk-1-1-1" },
      include: { speakers: { include: { speaker: true } } },
    });
    expect(renamed.title).toBe("Lambda deep dive (updated)");
    expect(renamed.speakers.map((s) => s.speaker.name)).toEqual(["New Speaker"]);

    // The same file again changes nothing.
    const before = await rowCounts(db);
    const again = await applyAgendaPlan(db, second, { eventSlug: slug });
    expect(again.talks).toEqual({
      added: 0,
      updated: 0,
      moved: 0,
      unchanged: 18,
      removed: 0,
      kept: [{ guid: "talk-1-3-6", title: expect.any(String) }],
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("reads a zone-less CSV re-import in the event's zone, and refuses the default zone silently differing", async () => {
    const db = getDb();
    const slug = `berlin-${uniqueSuffix()}`;
    await applyAgendaPlan(db, parseFrabXml(frabXmlFrom(fixtureTalks(ONE_DAY), { ...ONE_DAY, acronym: slug })));
    const csv =
      "date,start,end,track,room,title,speakers,abstract\n2024-05-16,10:30,11:10,Track 1,Room 301,Replacement,,\n";
    const before = await rowCounts(db);
    await expect(
      applyAgendaPlan(db, parseAgendaCsv(csv, { eventName: "X" }), { eventSlug: slug }),
    ).rejects.toMatchObject({
      code: "INVALID",
      message: `The file names no time zone and none was given, but the event '${slug}' is in Europe/Berlin; import again with that time zone.`,
    });
    expect(await rowCounts(db)).toEqual(before);

    const target = (await findImportTarget(db, slug))!;
    const summary = await applyAgendaPlan(db, parseAgendaCsv(csv, { timeZone: target.timeZone, eventName: "X" }), {
      eventSlug: slug,
    });
    expect(summary.talks).toMatchObject({ added: 1, removed: 19 });
    const snapshot = (await loadAgendaSnapshotBySlug(db, slug))!;
    expect(snapshot.talks.map((t) => [t.title, t.startsAt.toISOString(), t.track])).toEqual([
      ["Replacement", "2024-05-16T08:30:00.000Z", "Track 1"],
    ]);
    expect(snapshot.tracks.map((t) => t.name)).toEqual(["Track 1"]);
  });
});

describeEachDatabase("importAgenda: the one sequence behind the admin page and the CLI", (getDb) => {
  it("previews without writing, names a CSV's event after its file, reads a re-import in the event's zone, and writes nothing when the file has errors", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const csv =
      "date,start,end,track,room,title,speakers,abstract\n2016-05-17,13:00,13:40,Track 1,Room 1,Serverless,김기완,\n";
    const before = await rowCounts(db);
    const preview = await importAgenda(db, {
      fileName: `summit-${s}.csv`,
      text: csv,
      timeZone: "Asia/Seoul",
      mode: "preview",
    });
    expect(preview.preview.canApply).toBe(true);
    expect(preview.preview.event.name).toBe(`summit-${s}`);
    expect(await rowCounts(db)).toEqual(before);

    const slug = `import-seq-${s}`;
    const applied = await importAgenda(db, {
      fileName: `summit-${s}.csv`,
      text: csv,
      timeZone: "Asia/Seoul",
      eventSlug: slug,
      mode: "apply",
    });
    expect(applied.mode === "apply" && applied.summary?.createdEvent).toBe(true);
    const talk = await db.talk.findFirstOrThrow({ where: { event: { slug } } });
    expect(talk.startsAt.toISOString()).toBe("2016-05-17T04:00:00.000Z");

    // No --time-zone on the re-import: the file is read in the event's zone (Asia/Seoul), not the default's.
    const again = await importAgenda(db, { fileName: "again.csv", text: csv, eventSlug: slug, mode: "apply" });
    expect(again.mode === "apply" && again.summary?.talks).toMatchObject({ added: 0, removed: 0, unchanged: 1 });
    expect((await db.talk.findFirstOrThrow({ where: { event: { slug } } })).startsAt.toISOString()).toBe(
      "2016-05-17T04:00:00.000Z",
    );

    const broken = await importAgenda(db, {
      fileName: "broken.csv",
      text: "date,start,end,track,room,title,speakers,abstract\n2016-05-17,14:00,13:20,Track 1,,Backwards,,\n",
      mode: "apply",
    });
    expect(broken.mode === "apply" && broken.summary).toBeNull();
  });

  it("a talk with a team write-up is kept by a re-import that drops it; deleting the talk deletes the write-up", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const slug = `writeup-kept-${s}`;
    const csv =
      "date,start,end,track,room,title,speakers,abstract\n2016-05-17,13:00,13:40,Track 1,,Kept,,\n2016-05-17,14:00,14:40,Track 1,,Dropped,,\n";
    await importAgenda(db, { fileName: "a.csv", text: csv, timeZone: "Asia/Seoul", eventSlug: slug, mode: "apply" });
    const event = await db.event.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const talk = await db.talk.findFirstOrThrow({ where: { eventId: event.id, title: "Kept" } });
    const team = await db.team.create({ data: { name: "T", slug: `t-${s}` } });
    await db.writeup.create({ data: { teamId: team.id, eventId: event.id, talkId: talk.id, body: "# Our write-up" } });

    const outcome = await importAgenda(db, {
      fileName: "b.csv",
      text: csv
        .split("\n")
        .filter((l) => !l.includes("Kept"))
        .join("\n"),
      eventSlug: slug,
      mode: "apply",
    });
    expect(outcome.mode === "apply" && outcome.summary?.talks.kept).toEqual([{ title: "Kept" }]);
    expect(await db.writeup.count({ where: { talkId: talk.id } })).toBe(1);

    await db.talk.delete({ where: { id: talk.id } });
    expect(await db.writeup.count({ where: { teamId: team.id } })).toBe(0);
  });
});

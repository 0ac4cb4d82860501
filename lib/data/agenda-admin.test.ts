import { describe, expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { eventInput, talkInput } from "../validations/agenda-admin";
import { createEvent, deleteTalk, moveTalk, saveTalk, saveTrack } from "./agenda-admin";

describe("agenda validation", () => {
  it("refuses an end before the start, a bad time zone and a bad time", () => {
    const e = eventInput.safeParse({
      name: "X",
      timeZone: "Mars/Base",
      startDate: "2024-05-02",
      endDate: "2024-05-01",
    });
    expect(e.error?.issues.map((i) => i.message).sort()).toEqual(["end_before_start", "time_zone_invalid"]);
    const t = talkInput.safeParse({
      eventId: "e1",
      title: "",
      date: "2024-05-01",
      start: "13:40",
      end: "13:00",
      trackId: null,
    });
    expect(t.error?.issues.map((i) => i.message).sort()).toEqual(["end_before_start", "required"]);
    expect(
      talkInput.safeParse({
        eventId: "e1",
        title: "x",
        date: "2024-05-01",
        start: "25:00",
        end: "26:00",
        trackId: null,
      }).success,
    ).toBe(false);
  });
});

describeEachDatabase("agenda editing", (getDb) => {
  async function setup() {
    const db = getDb();
    const event = await createEvent(
      db,
      eventInput.parse({
        name: `Summit ${uniqueSuffix()}`,
        timeZone: "Asia/Seoul",
        startDate: "2024-05-16",
        endDate: "2024-05-17",
      }),
    );
    const t1 = await saveTrack(db, { eventId: event.id, name: "Track 1", colour: "#2563eb", position: 0 });
    const t2 = await saveTrack(db, { eventId: event.id, name: "Track 2", colour: "#16a34a", position: 1 });
    const talk = (title: string, trackId: string | null, date: string, start: string, end: string) =>
      saveTalk(db, talkInput.parse({ eventId: event.id, title, date, start, end, trackId, speakers: "Ana, Bo" }));
    return { db, event, t1, t2, talk };
  }

  it("builds a 2-day agenda with a plenary, stored in UTC", async () => {
    const { db, event, t1, t2, talk } = await setup();
    await talk("Keynote", null, "2024-05-16", "09:00", "10:00");
    await talk("Lambda deep dive", t1.id, "2024-05-16", "13:00", "13:40");
    await talk("DynamoDB", t2.id, "2024-05-16", "13:00", "13:40");
    await talk("Day two", t1.id, "2024-05-17", "10:00", "10:40");
    const talks = await db.talk.findMany({
      where: { eventId: event.id },
      orderBy: { startsAt: "asc" },
      include: { speakers: true },
    });
    expect(talks.map((t) => t.title).sort()).toEqual(["Day two", "DynamoDB", "Keynote", "Lambda deep dive"]);
    expect(talks[0].startsAt.toISOString()).toBe("2024-05-16T00:00:00.000Z");
    expect(talks[1].speakers).toHaveLength(2);
    expect(await db.day.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.timeSlot.count({ where: { eventId: event.id } })).toBe(3);
  });

  it("names the clash and writes nothing when talks overlap", async () => {
    const { db, event, t1, talk } = await setup();
    await talk("Lambda deep dive", t1.id, "2024-05-16", "13:00", "13:40");
    const before = await db.talk.count({ where: { eventId: event.id } });
    await expect(talk("Other", t1.id, "2024-05-16", "13:20", "14:00")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "overlaps 'Lambda deep dive' 13:00–13:40 in Track 1",
    });
    await expect(talk("Plenary", null, "2024-05-16", "13:30", "14:00")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(talk("Outside", t1.id, "2024-05-18", "10:00", "11:00")).rejects.toMatchObject({
      code: "INVALID",
      message: "date_outside_event",
    });
    expect(await db.talk.count({ where: { eventId: event.id } })).toBe(before);
    expect(await db.speaker.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("moves a talk with a note: the note stays attached; deleting asks for confirmation", async () => {
    const { db, event, t1, t2, talk } = await setup();
    const moved = await talk("Moves", t1.id, "2024-05-16", "13:00", "13:40");
    const user = await db.user.create({ data: { email: `n-${uniqueSuffix()}@example.test`, name: "N" } });
    const note = await db.note.create({
      data: { authorId: user.id, eventId: event.id, talkId: moved.id, body: "kept" },
    });
    await moveTalk(db, { talkId: moved.id, trackId: t2.id, date: "2024-05-17", start: "15:00" });
    const after = await db.talk.findUniqueOrThrow({ where: { id: moved.id } });
    expect(after.trackId).toBe(t2.id);
    expect(after.startsAt.toISOString()).toBe("2024-05-17T06:00:00.000Z");
    expect(after.endsAt.toISOString()).toBe("2024-05-17T06:40:00.000Z");
    expect((await db.note.findUniqueOrThrow({ where: { id: note.id } })).talkId).toBe(moved.id);
    await expect(deleteTalk(db, moved.id, false)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { noteCount: 1 },
    });
    expect(await db.note.count({ where: { id: note.id } })).toBe(1);
    await deleteTalk(db, moved.id, true);
    expect(await db.note.count({ where: { id: note.id } })).toBe(0);
  });
});

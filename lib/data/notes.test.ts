import { describe, expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { MAX_NOTE_BYTES, noteSaveInput, noteTagInput } from "../validations/notes";
import { addNoteTag } from "./note-tags";
import { listRevisions, restoreRevision, saveNote } from "./notes";
import { suggestServices } from "./services";
import { seedCatalog } from "../../prisma/seed-data/seed";

const op = () => `op${uniqueSuffix()}`;

describe("noteSaveInput", () => {
  it("refuses an oversized note and a bad op id", () => {
    const big = noteSaveInput.safeParse({
      opId: op(),
      eventId: "e",
      talkId: "t",
      baseVersion: 0,
      body: "가".repeat(MAX_NOTE_BYTES / 3 + 1),
    });
    expect(big.error?.issues[0].message).toBe("note_too_large");
    expect(noteSaveInput.safeParse({ opId: "x", eventId: "e", talkId: "t", baseVersion: 0, body: "" }).success).toBe(
      false,
    );
  });
  it("normalises topics and refuses junk", () => {
    expect(noteTagInput.parse({ noteId: "n", topic: "#Serverless" }).topic).toBe("serverless");
    expect(noteTagInput.safeParse({ noteId: "n", topic: "<script>" }).success).toBe(false);
    expect(noteTagInput.safeParse({ noteId: "n" }).success).toBe(false);
  });
});

describeEachDatabase("note saving", (getDb) => {
  async function setup() {
    const db = getDb();
    const s = uniqueSuffix();
    const [ana, bo] = await Promise.all([
      db.user.create({ data: { email: `ana-${s}@example.test`, name: "Ana" } }),
      db.user.create({ data: { email: `bo-${s}@example.test`, name: "Bo" } }),
    ]);
    const event = await db.event.create({
      data: { name: "E", slug: `e-${s}`, startDate: new Date("2024-01-01"), endDate: new Date("2024-01-02") },
    });
    const talk = await db.talk.create({
      data: {
        eventId: event.id,
        title: "T",
        startsAt: new Date("2024-01-01T01:00Z"),
        endsAt: new Date("2024-01-01T02:00Z"),
      },
    });
    return { db, ana, bo, event, talk };
  }

  it("creates on first save, versions every save, acknowledges a replayed op once", async () => {
    const { db, ana, event, talk } = await setup();
    const first = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body: "hello",
    });
    expect(first).toMatchObject({ status: "saved", version: 1 });
    const noteId = first.noteId;
    const opId = op();
    const second = await saveNote(db, ana.id, { opId, noteId, eventId: event.id, baseVersion: 1, body: "hello world" });
    expect(second).toMatchObject({ status: "saved", version: 2 });
    const replay = await saveNote(db, ana.id, { opId, noteId, eventId: event.id, baseVersion: 1, body: "hello world" });
    expect(replay).toMatchObject({ status: "saved", version: 2, duplicate: true });
    expect(await db.noteRevision.count({ where: { noteId } })).toBe(2);
  });

  it("never overwrites a newer version: returns the server text as a conflict", async () => {
    const { db, ana, event, talk } = await setup();
    const { noteId } = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body: "device A",
    });
    await saveNote(db, ana.id, { opId: op(), noteId, eventId: event.id, baseVersion: 1, body: "device A more" });
    const stale = await saveNote(db, ana.id, {
      opId: op(),
      noteId,
      eventId: event.id,
      baseVersion: 1,
      body: "device B",
    });
    expect(stale).toEqual({ status: "conflict", noteId, serverVersion: 2, serverBody: "device A more" });
    expect((await db.note.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("device A more");
    // A second "first save" for the same talk (another device) is a conflict too, not a second note.
    const dup = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body: "device C",
    });
    expect(dup).toMatchObject({ status: "conflict", noteId });
  });

  it("refuses someone else's note, a deleted talk and a missing event, changing nothing", async () => {
    const { db, ana, bo, event, talk } = await setup();
    const { noteId } = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body: "mine",
    });
    await expect(
      saveNote(db, bo.id, { opId: op(), noteId, eventId: event.id, baseVersion: 1, body: "hijack" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveNote(db, bo.id, { opId: op(), eventId: event.id, talkId: "no-such-talk", baseVersion: 0, body: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "talk_not_found" });
    await expect(
      saveNote(db, bo.id, { opId: op(), eventId: "no-such-event", talkId: null, baseVersion: 0, body: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.note.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("mine");
    expect(await db.note.count({ where: { authorId: bo.id } })).toBe(0);
  });

  it("restores an old revision as a new version", async () => {
    const { db, ana, event, talk } = await setup();
    const { noteId } = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body: "v1 text",
    });
    await saveNote(db, ana.id, { opId: op(), noteId, eventId: event.id, baseVersion: 1, body: "v2 text" });
    const revisions = (await listRevisions(db, ana.id, noteId))!;
    const v1 = revisions.find((r) => r.version === 1)!;
    expect(await restoreRevision(db, ana.id, noteId, v1.id, op())).toMatchObject({ status: "saved", version: 3 });
    expect((await db.note.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("v1 text");
    expect(await listRevisions(db, "someone-else", noteId)).toBeNull();
  });

  it("suggests services from the text (Korean and English) and tags them; unknown services are refused", async () => {
    const { db, ana, event, talk } = await setup();
    await seedCatalog(db);
    const body = "람다와 DynamoDB, S3를 같이 쓰면 좋다. ECSTASY는 아니다.";
    const { noteId } = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body,
    });
    const suggested = await suggestServices(db, body, []);
    expect(suggested.map((s) => s.slug).sort()).toEqual(["dynamodb", "lambda", "s3"]);
    await addNoteTag(db, ana.id, { noteId, serviceSlug: "lambda", source: "SUGGESTED" });
    await addNoteTag(db, ana.id, { noteId, serviceSlug: "lambda", source: "SUGGESTED" }); // idempotent
    await addNoteTag(db, ana.id, { noteId, topic: "serverless", source: "CHOSEN" });
    expect(await db.noteTag.count({ where: { noteId } })).toBe(2);
    await expect(
      addNoteTag(db, ana.id, { noteId, serviceSlug: "no-such-service", source: "CHOSEN" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await suggestServices(db, body, ["lambda"])).map((s) => s.slug).sort()).toEqual(["dynamodb", "s3"]);
  });
});

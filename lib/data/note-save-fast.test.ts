import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { trySaveExistingNote } from "./note-save-fast";
import { saveNote } from "./notes";

const op = () => `op${uniqueSuffix()}`;

describeEachDatabase("note save fast path", (getDb) => {
  async function noteOf() {
    const db = getDb();
    const s = uniqueSuffix();
    const ana = await db.user.create({ data: { email: `fast-${s}@example.test`, name: "Ana" } });
    const event = await db.event.create({
      data: { name: "E", slug: `fast-${s}`, startDate: new Date("2024-01-01"), endDate: new Date("2024-01-02") },
    });
    const talk = await db.talk.create({
      data: {
        eventId: event.id,
        title: "T",
        startsAt: new Date("2024-01-01T01:00Z"),
        endsAt: new Date("2024-01-01T02:00Z"),
      },
    });
    const first = await saveNote(db, ana.id, {
      opId: op(),
      eventId: event.id,
      talkId: talk.id,
      baseVersion: 0,
      body: "v1",
    });
    return { db, ana, event, noteId: first.noteId };
  }

  it("writes the update and its revision as Prisma reads them (version, UTC time, op id)", async () => {
    const { db, ana, noteId } = await noteOf();
    const before = Date.now();
    const opId = op();
    expect(await trySaveExistingNote(db, { noteId, authorId: ana.id, baseVersion: 1, body: "v2 한글 ✓", opId })).toBe(
      2,
    );
    const note = await db.note.findUniqueOrThrow({ where: { id: noteId } });
    expect(note).toMatchObject({ version: 2, body: "v2 한글 ✓" });
    expect(Math.abs(note.updatedAt.getTime() - before)).toBeLessThan(60_000);
    const revision = await db.noteRevision.findFirstOrThrow({ where: { noteId, version: 2 } });
    expect(revision).toMatchObject({ body: "v2 한글 ✓", clientOpId: opId, authorId: ana.id });
    expect(Math.abs(revision.createdAt.getTime() - before)).toBeLessThan(60_000);
  });

  it("leaves every other case to the general path and writes nothing", async () => {
    const { db, ana, noteId } = await noteOf();
    const other = await db.user.create({ data: { email: `other-${uniqueSuffix()}@example.test`, name: "Bo" } });
    const opId = op();
    expect(await trySaveExistingNote(db, { noteId, authorId: ana.id, baseVersion: 1, body: "v2", opId })).toBe(2);
    // stale version, the same op replayed, an unchanged body, someone else's note, no such note
    expect(
      await trySaveExistingNote(db, { noteId, authorId: ana.id, baseVersion: 1, body: "v2 again", opId: op() }),
    ).toBeNull();
    expect(await trySaveExistingNote(db, { noteId, authorId: ana.id, baseVersion: 2, body: "v3", opId })).toBeNull();
    expect(
      await trySaveExistingNote(db, { noteId, authorId: ana.id, baseVersion: 2, body: "v2", opId: op() }),
    ).toBeNull();
    expect(
      await trySaveExistingNote(db, { noteId, authorId: other.id, baseVersion: 2, body: "hijack", opId: op() }),
    ).toBeNull();
    expect(
      await trySaveExistingNote(db, { noteId: "missing", authorId: ana.id, baseVersion: 2, body: "x", opId: op() }),
    ).toBeNull();
    expect(await db.noteRevision.count({ where: { noteId } })).toBe(2);
    expect((await db.note.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("v2");
    // The general path answers the replay as the duplicate it is.
    expect(
      await saveNote(db, ana.id, {
        opId,
        noteId,
        eventId: (await db.note.findUniqueOrThrow({ where: { id: noteId } })).eventId,
        baseVersion: 1,
        body: "v2",
      }),
    ).toMatchObject({ status: "saved", duplicate: true, version: 2 });
  });

  it("never joins an open Prisma transaction (its rollback would take an acknowledged save with it)", async () => {
    const { db, ana, noteId } = await noteOf();
    let inside: number | null | undefined;
    await expect(
      db.$transaction(async (tx) => {
        await tx.note.update({ where: { id: noteId }, data: { visibility: "PRIVATE" } });
        inside = await trySaveExistingNote(db, {
          noteId,
          authorId: ana.id,
          baseVersion: 1,
          body: "during",
          opId: op(),
        }).catch(() => null);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // SQLite: refused while Prisma's transaction holds the one connection. PostgreSQL: its own
    // pooled connection waits for the row lock, then commits on its own. Either way, never lost.
    const note = await db.note.findUniqueOrThrow({ where: { id: noteId } });
    if (inside === 2) expect(note.body).toBe("during");
    else expect(note.body).toBe("v1");
  });
});

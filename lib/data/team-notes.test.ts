import { describe, expect, it } from "vitest";
import type { Db } from "../db-client";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import {
  addComment,
  deleteComment,
  editComment,
  getPublicNote,
  getReadableNote,
  revokePublicLink,
  setNoteVisibility,
  threadComments,
  visibleNotesWhere,
} from "./team-notes";
import { createTeam } from "./teams";

describe("threadComments", () => {
  it("nests replies under their parent and keeps orphans as roots", () => {
    const at = new Date("2024-01-01T00:00Z");
    const c = (id: string, parentId: string | null) => ({
      id,
      parentId,
      body: id,
      createdAt: at,
      updatedAt: at,
      author: { id: "u", name: "U" },
    });
    const threads = threadComments([c("a", null), c("b", "a"), c("c", "b"), c("d", null), c("e", "gone")]);
    expect(threads.map((t) => t.id)).toEqual(["a", "d", "e"]);
    expect(threads[0].replies[0].id).toBe("b");
    expect(threads[0].replies[0].replies[0].id).toBe("c");
  });
});

describeEachDatabase("team notes", (getDb) => {
  /** Crew: Ana (owner), Eve (editor), Vic (viewer). Rival: Rex (owner) with Ana's note shared to it. Sam: nobody. */
  async function setup() {
    const db = getDb();
    const s = uniqueSuffix();
    const user = (name: string) => db.user.create({ data: { email: `${name.toLowerCase()}-${s}@example.test`, name } });
    const [ana, eve, vic, rex, sam] = await Promise.all(["Ana", "Eve", "Vic", "Rex", "Sam"].map(user));
    const crew = await createTeam(db, ana.id, `Crew ${s}`);
    const rival = await createTeam(db, rex.id, `Rival ${s}`);
    await db.membership.createMany({
      data: [
        { teamId: crew.id, userId: eve.id, role: "EDITOR" },
        { teamId: crew.id, userId: vic.id, role: "VIEWER" },
        { teamId: rival.id, userId: ana.id, role: "VIEWER" },
      ],
    });
    const event = await db.event.create({
      data: { name: "Summit", slug: `summit-${s}`, startDate: new Date("2024-05-16"), endDate: new Date("2024-05-17") },
    });
    const talk = (title: string, hour: number) =>
      db.talk.create({
        data: {
          eventId: event.id,
          title,
          startsAt: new Date(`2024-05-16T0${hour}:00Z`),
          endsAt: new Date(`2024-05-16T0${hour}:40Z`),
        },
      });
    const [t1, t2, t3] = await Promise.all([talk("Lambda", 1), talk("DynamoDB", 2), talk("S3", 3)]);
    const note = (authorId: string, talkId: string, body: string) =>
      db.note.create({ data: { authorId, eventId: event.id, talkId, body } });
    const anaNote = await note(ana.id, t1.id, "Ana on Lambda");
    const evePrivate = await note(eve.id, t1.id, "Eve's private thoughts");
    const anaForRival = await note(ana.id, t2.id, "Ana for the rivals");
    await setNoteVisibility(db, ana.id, anaNote.id, { visibility: "TEAM", teamIds: [crew.id] });
    await setNoteVisibility(db, ana.id, anaForRival.id, { visibility: "TEAM", teamIds: [rival.id] });
    return {
      db,
      crew,
      rival,
      users: { ana, eve, vic, rex, sam },
      talks: { t1, t2, t3 },
      notes: { anaNote, evePrivate, anaForRival },
    };
  }

  async function snapshot(db: Db, noteIds: string[]) {
    const [notes, shares, comments] = await Promise.all([
      db.note.findMany({
        where: { id: { in: noteIds } },
        orderBy: { id: "asc" },
        select: { id: true, visibility: true, publicToken: true, body: true },
      }),
      db.noteShare.findMany({ where: { noteId: { in: noteIds } }, orderBy: [{ noteId: "asc" }, { teamId: "asc" }] }),
      db.comment.findMany({
        where: { noteId: { in: noteIds } },
        orderBy: { id: "asc" },
        select: { id: true, body: true, parentId: true },
      }),
    ]);
    return { notes, shares, comments };
  }

  const readable = async (db: Db, actorId: string | null, ids: string[]) =>
    (
      await db.note.findMany({
        where: { AND: [visibleNotesWhere(actorId), { id: { in: ids } }] },
        select: { body: true },
        orderBy: { body: "asc" },
      })
    ).map((n) => n.body);

  it("visibleNotesWhere: authors read their own, team members read TEAM notes shared with their team, nobody else", async () => {
    const { db, users, notes } = await setup();
    const ids = Object.values(notes).map((n) => n.id);
    expect(await readable(db, users.ana.id, ids)).toEqual(["Ana for the rivals", "Ana on Lambda"]);
    expect(await readable(db, users.eve.id, ids)).toEqual(["Ana on Lambda", "Eve's private thoughts"]);
    expect(await readable(db, users.vic.id, ids)).toEqual(["Ana on Lambda"]);
    expect(await readable(db, users.rex.id, ids)).toEqual(["Ana for the rivals"]);
    expect(await readable(db, users.sam.id, ids)).toEqual([]);
    expect(await readable(db, null, ids)).toEqual([]);
    expect(await readable(db, "", ids)).toEqual([]);

    await setNoteVisibility(db, users.ana.id, notes.anaNote.id, { visibility: "PUBLIC" });
    expect(await readable(db, users.vic.id, ids)).toEqual([]); // PUBLIC notes are read through their link, not listed
  });

  it("getReadableNote names only the reader's own teams among the shares", async () => {
    const { db, crew, rival, users, notes } = await setup();
    await setNoteVisibility(db, users.ana.id, notes.anaNote.id, { visibility: "TEAM", teamIds: [crew.id, rival.id] });
    expect((await getReadableNote(db, users.ana.id, notes.anaNote.id))?.sharedWith.map((t) => t.id).sort()).toEqual(
      [crew.id, rival.id].sort(),
    );
    expect(await getReadableNote(db, users.vic.id, notes.anaNote.id)).toMatchObject({
      isAuthor: false,
      sharedWith: [{ id: crew.id }],
      author: { name: "Ana" },
    });
    expect(await getReadableNote(db, users.vic.id, notes.evePrivate.id)).toBeNull();
    expect(await getReadableNote(db, users.sam.id, notes.anaNote.id)).toBeNull();
  });

  it("setNoteVisibility: author only (readers FORBIDDEN, everyone else NOT_FOUND), teams must be the author's, nothing changes on refusal", async () => {
    const { db, crew, rival, users, notes } = await setup();
    const ids = Object.values(notes).map((n) => n.id);
    const before = await snapshot(db, ids);
    await expect(
      setNoteVisibility(db, users.eve.id, notes.anaNote.id, { visibility: "PRIVATE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "not_author" });
    await expect(setNoteVisibility(db, users.vic.id, notes.anaNote.id, { visibility: "PUBLIC" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      setNoteVisibility(db, users.sam.id, notes.anaNote.id, { visibility: "PRIVATE" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A member of one team crafting the id of a note shared with another team: it does not exist for them.
    await expect(
      setNoteVisibility(db, users.eve.id, notes.anaForRival.id, { visibility: "TEAM", teamIds: [crew.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setNoteVisibility(db, users.ana.id, notes.evePrivate.id, { visibility: "PUBLIC" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The author sharing with a team she is not in, or with none at all.
    await expect(
      setNoteVisibility(db, users.eve.id, notes.evePrivate.id, { visibility: "TEAM", teamIds: [rival.id] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "team_not_allowed" });
    await expect(
      setNoteVisibility(db, users.eve.id, notes.evePrivate.id, {
        visibility: "TEAM",
        teamIds: [crew.id, "no-such-team"],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setNoteVisibility(db, users.eve.id, notes.evePrivate.id, { visibility: "TEAM", teamIds: [] }),
    ).rejects.toMatchObject({ code: "INVALID", message: "team_required" });
    await expect(
      setNoteVisibility(db, users.eve.id, notes.evePrivate.id, { visibility: "SECRET" } as never),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await snapshot(db, ids)).toEqual(before);
  });

  it("PUBLIC gets an unguessable link; PRIVATE drops shares and link; TEAM replaces the set of teams", async () => {
    const { db, crew, rival, users, notes } = await setup();
    const id = notes.anaNote.id;
    const made = await setNoteVisibility(db, users.ana.id, id, { visibility: "PUBLIC" });
    expect(made.publicToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await db.noteShare.count({ where: { noteId: id } })).toBe(0);
    expect((await setNoteVisibility(db, users.ana.id, id, { visibility: "PUBLIC" })).publicToken).toBe(
      made.publicToken,
    );
    expect(await getPublicNote(db, made.publicToken!)).toMatchObject({
      id,
      body: "Ana on Lambda",
      author: { name: "Ana" },
    });

    await setNoteVisibility(db, users.ana.id, id, { visibility: "TEAM", teamIds: [crew.id, rival.id, crew.id] });
    expect(await getPublicNote(db, made.publicToken!)).toBeNull();
    expect((await db.noteShare.findMany({ where: { noteId: id } })).map((s) => s.teamId).sort()).toEqual(
      [crew.id, rival.id].sort(),
    );
    await setNoteVisibility(db, users.ana.id, id, { visibility: "TEAM", teamIds: [rival.id] });
    expect((await db.noteShare.findMany({ where: { noteId: id } })).map((s) => s.teamId)).toEqual([rival.id]);

    expect(await setNoteVisibility(db, users.ana.id, id, { visibility: "PRIVATE" })).toEqual({
      visibility: "PRIVATE",
      teamIds: [],
      publicToken: null,
    });
    expect(
      await db.note.findUniqueOrThrow({
        where: { id },
        select: { visibility: true, publicToken: true, _count: { select: { shares: true } } },
      }),
    ).toEqual({ visibility: "PRIVATE", publicToken: null, _count: { shares: 0 } });
  });

  it("revokePublicLink reissues or clears the link, author only", async () => {
    const { db, users, notes } = await setup();
    const id = notes.anaNote.id;
    await expect(revokePublicLink(db, users.ana.id, id, "reissue")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "not_public",
    });
    const { publicToken: first } = await setNoteVisibility(db, users.ana.id, id, { visibility: "PUBLIC" });
    const before = await snapshot(db, [id]);
    await expect(revokePublicLink(db, users.sam.id, id, "clear")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(db, [id])).toEqual(before);
    const { publicToken: second } = await revokePublicLink(db, users.ana.id, id, "reissue");
    expect(second).not.toBe(first);
    expect(await getPublicNote(db, first!)).toBeNull();
    expect(await getPublicNote(db, second!)).not.toBeNull();
    expect(await revokePublicLink(db, users.ana.id, id, "clear")).toMatchObject({
      visibility: "PRIVATE",
      publicToken: null,
    });
    expect(await getPublicNote(db, second!)).toBeNull();
    expect(await getPublicNote(db, "short")).toBeNull();
  });

  describe("comments", () => {
    it("any reader may comment and reply; a note the actor cannot see is NOT_FOUND and gets nothing", async () => {
      const { db, users, notes } = await setup();
      const root = await addComment(db, users.vic.id, notes.anaNote.id, "  Great summary  ");
      expect(root.body).toBe("Great summary");
      const reply = await addComment(db, users.ana.id, notes.anaNote.id, "Thanks!", root.id);
      expect(reply.parentId).toBe(root.id);
      await addComment(db, users.eve.id, notes.evePrivate.id, "note to self");

      const ids = Object.values(notes).map((n) => n.id);
      const before = await snapshot(db, ids);
      await expect(addComment(db, users.vic.id, notes.evePrivate.id, "peek")).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(addComment(db, users.eve.id, notes.anaForRival.id, "crafted id")).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(addComment(db, users.sam.id, notes.anaNote.id, "hi")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(addComment(db, users.rex.id, notes.anaForRival.id, "graft", root.id)).rejects.toMatchObject({
        code: "INVALID",
        message: "parent_not_found",
      });
      await expect(addComment(db, users.vic.id, notes.anaNote.id, "   ")).rejects.toMatchObject({
        code: "INVALID",
        message: "comment_required",
      });
      expect(await snapshot(db, ids)).toEqual(before);
    });

    it("only the comment's author edits or deletes it, and only while the note is still visible to them", async () => {
      const { db, users, notes } = await setup();
      const mine = await addComment(db, users.vic.id, notes.anaNote.id, "first take");
      const reply = await addComment(db, users.eve.id, notes.anaNote.id, "reply", mine.id);
      const before = await snapshot(db, [notes.anaNote.id]);
      await expect(editComment(db, users.ana.id, mine.id, "rewritten")).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "not_comment_author",
      });
      await expect(deleteComment(db, users.eve.id, mine.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(editComment(db, users.sam.id, mine.id, "rewritten")).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await snapshot(db, [notes.anaNote.id])).toEqual(before);

      expect((await editComment(db, users.vic.id, mine.id, "second take")).body).toBe("second take");
      await setNoteVisibility(db, users.ana.id, notes.anaNote.id, { visibility: "PRIVATE" });
      await expect(editComment(db, users.vic.id, mine.id, "third take")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await setNoteVisibility(db, users.ana.id, notes.anaNote.id, {
        visibility: "TEAM",
        teamIds: [(await db.membership.findFirstOrThrow({ where: { userId: users.vic.id } })).teamId],
      });
      await deleteComment(db, users.vic.id, mine.id);
      expect(await db.comment.count({ where: { id: { in: [mine.id, reply.id] } } })).toBe(0);
    });
  });
});

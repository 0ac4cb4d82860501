// The outbox's decisions (lib/notes/outbox.ts), below the browser: drafts in IndexedDB
// (fake-indexeddb, Dexie unchanged), saves through the route's own steps on a real database
// (lib/testing/note-server.ts), and the process dying between any two steps. The server side of a
// replayed op id is tested in lib/data/notes.test.ts; here: what the client sends, keeps and drops.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Db } from "../db-client";
import { saveNote } from "../data/notes";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { noteServer } from "../testing/note-server";
import { MAX_NOTE_BYTES } from "../validations/notes";
import { talkDraftKey } from "./draft-keys";
import { draftDb, type Draft } from "./local-drafts";
import { flushOutbox, pushDraft } from "./outbox";

describeEachDatabase("outbox", (getDb) => {
  let db: Db;
  let server: ReturnType<typeof noteServer>;
  let ana: { id: string };
  let event: { id: string };
  let talk: { id: string };
  let key: string;

  beforeAll(async () => {
    db = getDb();
    const s = uniqueSuffix();
    ana = await db.user.create({ data: { email: `ana-outbox-${s}@example.test`, name: "Ana" } });
    event = await db.event.create({
      data: { name: "Outbox", slug: `outbox-${s}`, startDate: new Date("2024-01-01"), endDate: new Date("2024-01-01") },
    });
  });
  beforeEach(async () => {
    // A fresh talk per test: one note per author and talk.
    talk = await db.talk.create({
      data: {
        eventId: event.id,
        title: "T",
        startsAt: new Date("2024-01-01T01:00Z"),
        endsAt: new Date("2024-01-01T02:00Z"),
      },
    });
    key = talkDraftKey(ana.id, talk.id);
    server = noteServer(db);
    server.signIn(ana.id);
    vi.stubGlobal("fetch", server.fetch);
    await draftDb().drafts.clear();
  });
  afterAll(() => void vi.unstubAllGlobals());

  /** What the editor does on a keystroke: the text lands in IndexedDB, marked unsent. */
  async function type(body: string) {
    const existing = await draftDb().drafts.get(key);
    const base: Draft = existing ?? {
      key,
      userId: ana.id,
      eventId: event.id,
      talkId: talk.id,
      noteId: null,
      body: "",
      baseVersion: 0,
      dirty: false,
      pending: null,
      conflict: null,
      updatedAt: 0,
    };
    await draftDb().drafts.put({ ...base, body, dirty: true, updatedAt: Date.now() });
  }
  const stored = async () => (await draftDb().drafts.get(key))!;
  const serverNote = () =>
    db.note.findFirst({
      where: { authorId: ana.id, talkId: talk.id },
      include: { revisions: { orderBy: { version: "asc" } } },
    });

  it("a draft typed but not yet pushed (crash before the outbox step) is sent on the next flush", async () => {
    await type("typed before the tab died");
    await flushOutbox(ana.id);
    const note = await serverNote();
    expect(note).toMatchObject({ body: "typed before the tab died", version: 1 });
    expect(await stored()).toMatchObject({ noteId: note!.id, baseVersion: 1, dirty: false, pending: null });
  });

  it("an outbox entry never sent (network down) keeps its op id for the retry", async () => {
    await type("offline text");
    server.failNext("network-down");
    expect((await pushDraft(key)).status).toBe("offline");
    const { pending, dirty } = await stored();
    expect(dirty).toBe(true);
    expect(pending).toMatchObject({ body: "offline text", opId: expect.any(String) });
    expect(await serverNote()).toBeNull();

    expect((await pushDraft(key)).status).toBe("saved");
    expect(server.sent.map((s) => s.opId)).toEqual([pending!.opId]);
    expect((await serverNote())!.revisions.map((r) => r.clientOpId)).toEqual([pending!.opId]);
  });

  it("saved but the acknowledgement lost: the retry replays the same op id and gets one revision, not two", async () => {
    await type("first");
    await pushDraft(key);
    await type("first, second");
    server.failNext("lost-ack");
    expect((await pushDraft(key)).status).toBe("offline");
    const { pending } = await stored();
    expect((await serverNote())!.version).toBe(2);

    const retry = await pushDraft(key);
    expect(retry).toMatchObject({ status: "saved", draft: { baseVersion: 2, dirty: false, pending: null } });
    expect(server.sent.at(-1)!.opId).toBe(pending!.opId);
    const note = await serverNote();
    expect(note!.revisions.map((r) => [r.version, r.body])).toEqual([
      [1, "first"],
      [2, "first, second"],
    ]);
  });

  for (const existing of [true, false]) {
    it(`acknowledgement lost, then more typing (${existing ? "existing" : "new"} note): the sent op is replayed first, no conflict with one's own text`, async () => {
      if (existing) {
        await type("one");
        await pushDraft(key);
      }
      await type("one two");
      server.failNext("lost-ack");
      expect((await pushDraft(key)).status).toBe("offline");
      const lost = (await stored()).pending!;
      await type("one two three");

      await flushOutbox(ana.id);
      const draft = await stored();
      expect(draft.conflict).toBeNull();
      const note = await serverNote();
      expect(note!.body).toBe("one two three");
      expect(draft).toMatchObject({ body: "one two three", baseVersion: note!.version, dirty: false, pending: null });
      // The lost op was acknowledged as a replay (no second revision of "one two").
      expect(note!.revisions.map((r) => r.body)).toEqual([...(existing ? ["one"] : []), "one two", "one two three"]);
      expect(note!.revisions.find((r) => r.body === "one two")!.clientOpId).toBe(lost.opId);
    });
  }

  it("typing while a save is in flight: the save is acknowledged, the newer text stays unsent and goes next", async () => {
    await type("before");
    vi.stubGlobal("fetch", async (...args: Parameters<typeof fetch>) => {
      await type("before and during");
      return server.fetch(...args);
    });
    expect(await pushDraft(key)).toMatchObject({
      status: "saved",
      draft: { body: "before and during", baseVersion: 1, dirty: true, pending: null },
    });
    vi.stubGlobal("fetch", server.fetch);
    expect(await pushDraft(key)).toMatchObject({ status: "saved", draft: { baseVersion: 2, dirty: false } });
    expect((await serverNote())!.body).toBe("before and during");
  });

  it("another device saved first: the conflict keeps both texts and nothing more is sent until it is resolved", async () => {
    await type("mine");
    await pushDraft(key);
    const noteId = (await stored()).noteId!;
    await saveNote(db, ana.id, {
      opId: `other${uniqueSuffix()}`,
      noteId,
      eventId: event.id,
      baseVersion: 1,
      body: "theirs",
    });
    await type("mine, more");

    expect(await pushDraft(key)).toMatchObject({
      status: "conflict",
      draft: { body: "mine, more", conflict: { serverBody: "theirs", serverVersion: 2 }, pending: null, dirty: true },
    });
    const sentBefore = server.sent.length;
    expect((await pushDraft(key)).status).toBe("conflict");
    await flushOutbox(ana.id);
    expect(server.sent).toHaveLength(sentBefore);
    expect((await serverNote())!.body).toBe("theirs");
  });

  it("signed out: the text stays and is sent once signed in again", async () => {
    server.signOut();
    await type("written while the session expired");
    expect(await pushDraft(key)).toMatchObject({
      status: "signed-out",
      draft: { body: "written while the session expired", dirty: true },
    });
    server.signIn(ana.id);
    expect((await pushDraft(key)).status).toBe("saved");
    expect((await serverNote())!.body).toBe("written while the session expired");
  });

  it("a server error counts as offline and keeps the op id; one revision in the end", async () => {
    await type("through a 503");
    server.failNext("server-error");
    expect((await pushDraft(key)).status).toBe("offline");
    expect((await pushDraft(key)).status).toBe("saved");
    expect(new Set(server.sent.map((s) => s.opId)).size).toBe(1);
    expect((await serverNote())!.revisions).toHaveLength(1);
  });

  it("a captive portal's 200 page is not an acknowledgement: the entry stays, same op id next time", async () => {
    await type("at the venue");
    server.failNext("captive-portal");
    expect(await pushDraft(key)).toMatchObject({
      status: "offline",
      draft: { dirty: true, pending: { body: "at the venue" } },
    });
    const { pending } = await stored();
    expect((await pushDraft(key)).status).toBe("saved");
    expect(server.sent.map((s) => s.opId)).toEqual([pending!.opId]);
  });

  it("a refused save (too large) says why and keeps the text; the shortened text is saved afterwards", async () => {
    const huge = "x".repeat(MAX_NOTE_BYTES + 1);
    await type(huge);
    expect(await pushDraft(key)).toMatchObject({
      status: "rejected",
      message: "too_large",
      draft: { body: huge, dirty: true },
    });
    await type("short again");
    expect((await pushDraft(key)).status).toBe("saved");
    expect((await serverNote())!.body).toBe("short again");
    expect(server.sent.at(-1)!.body).toBe("short again");
  });

  it("flushOutbox sends only the given user's drafts", async () => {
    const other = `someone-else-${uniqueSuffix()}`;
    await draftDb().drafts.put({
      key: talkDraftKey(other, talk.id),
      userId: other,
      eventId: event.id,
      talkId: talk.id,
      noteId: null,
      body: "not Ana's",
      baseVersion: 0,
      dirty: true,
      pending: null,
      conflict: null,
      updatedAt: 0,
    });
    await type("Ana's");
    await flushOutbox(ana.id);
    expect(server.sent.map((s) => s.body)).toEqual(["Ana's"]);
    expect((await draftDb().drafts.get(talkDraftKey(other, talk.id)))!.dirty).toBe(true);
  });
});

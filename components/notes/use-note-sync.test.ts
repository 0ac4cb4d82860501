// @vitest-environment happy-dom
// useNoteSync's decisions, below the browser: which text wins on load (local draft or the server's
// note), what status the editor shows, retries, and crashes between steps. React renders the real
// hook (happy-dom), drafts live in fake-indexeddb, saves go through the route's own steps on a real
// database (lib/testing/note-server.ts).
import "fake-indexeddb/auto";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";
import { saveNote } from "@/lib/data/notes";
import { talkDraftKey } from "@/lib/notes/draft-keys";
import { draftDb, type Draft } from "@/lib/notes/local-drafts";
import { describeEachDatabase, uniqueSuffix } from "@/lib/testing/databases";
import { noteServer } from "@/lib/testing/note-server";
import { useNoteSync } from "./use-note-sync";

const settled = { timeout: 8_000 };

describeEachDatabase("useNoteSync", (getDb) => {
  let db: Db;
  let server: ReturnType<typeof noteServer>;
  let ana: { id: string };
  let event: { id: string };
  let talk: { id: string };
  let key: string;

  beforeAll(async () => {
    db = getDb();
    const s = uniqueSuffix();
    ana = await db.user.create({ data: { email: `ana-sync-${s}@example.test`, name: "Ana" } });
    event = await db.event.create({
      data: { name: "Sync", slug: `sync-${s}`, startDate: new Date("2024-01-01"), endDate: new Date("2024-01-01") },
    });
  });
  beforeEach(async () => {
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
  // Unmount (stops the hook's timers and listeners): a hook left from one test must not push in the next.
  afterEach(cleanup);
  afterAll(() => void vi.unstubAllGlobals());

  const draftOf = (over: Partial<Draft>): Draft => ({
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
    ...over,
  });
  /** A note on the server at version `versions.length`, one save per text. */
  async function serverNote(...versions: string[]) {
    let noteId: string | undefined;
    let version = 0;
    for (const body of versions) {
      const r = await saveNote(db, ana.id, {
        opId: `seed${uniqueSuffix()}`,
        noteId,
        eventId: event.id,
        talkId: talk.id,
        baseVersion: version,
        body,
      });
      if (r.status !== "saved") throw new Error("seed save");
      ({ noteId, version } = r);
    }
    return { noteId: noteId!, body: versions.at(-1)!, version };
  }
  const stored = () => db.note.findFirst({ where: { authorId: ana.id, talkId: talk.id } });
  const open = (server: { noteId: string; body: string; version: number } | null) =>
    renderHook(() => useNoteSync({ draftKey: key, userId: ana.id, eventId: event.id, talkId: talk.id, server }));

  it("a new note: empty, then typing is saved after a pause", async () => {
    const { result } = open(null);
    await waitFor(() => expect(result.current.status).toBe("local"));
    expect(result.current.draft?.body).toBe("");
    await act(() => result.current.change("first words"));
    expect(result.current.status).toBe("saving");
    await waitFor(() => expect(result.current.status).toBe("saved"), settled);
    expect(await stored()).toMatchObject({ body: "first words", version: 1 });
  });

  it("reload after the tab died with unsent typing: the local text wins over the server's and is sent", async () => {
    const note = await serverNote("saved part");
    await draftDb().drafts.put(
      draftOf({ noteId: note.noteId, body: "saved part, unsent part", baseVersion: 1, dirty: true }),
    );
    const { result } = open(note);
    await waitFor(() => expect(result.current.draft?.body).toBe("saved part, unsent part"));
    await waitFor(() => expect(result.current.status).toBe("saved"), settled);
    expect(await stored()).toMatchObject({ body: "saved part, unsent part", version: 2 });
  });

  it("a clean local copy gives way to the server's newer text (saved on another device); nothing is sent", async () => {
    const note = await serverNote("v1", "v2 from the laptop");
    await draftDb().drafts.put(draftOf({ noteId: note.noteId, body: "v1", baseVersion: 1 }));
    const { result } = open(note);
    await waitFor(() => expect(result.current.draft?.body).toBe("v2 from the laptop"));
    expect(result.current.status).toBe("saved");
    expect(server.sent).toEqual([]);
    expect(await draftDb().drafts.get(key)).toMatchObject({ body: "v2 from the laptop", baseVersion: 2, dirty: false });
  });

  it("a page older than the local copy (served from cache) does not overwrite it", async () => {
    const note = await serverNote("v1", "v2");
    await draftDb().drafts.put(draftOf({ noteId: note.noteId, body: "v2", baseVersion: 2 }));
    const { result } = open({ ...note, body: "v1", version: 1 });
    await waitFor(() => expect(result.current.status).toBe("saved"));
    expect(result.current.draft?.body).toBe("v2");
  });

  it("a conflict survives a reload, and resolving it saves the merged text on top of the server's", async () => {
    const note = await serverNote("base", "theirs");
    await draftDb().drafts.put(
      draftOf({
        noteId: note.noteId,
        body: "mine",
        baseVersion: 1,
        dirty: true,
        conflict: { serverBody: "theirs", serverVersion: 2 },
      }),
    );
    const { result } = open(note);
    await waitFor(() => expect(result.current.status).toBe("conflict"));
    expect(result.current.draft?.body).toBe("mine");
    expect(server.sent).toEqual([]);
    await act(() => result.current.resolve("theirs + mine"));
    await waitFor(() => expect(result.current.status).toBe("saved"), settled);
    expect(await stored()).toMatchObject({ body: "theirs + mine", version: 3 });
  });

  it("offline: says so, keeps retrying, and saves when the network comes back", async () => {
    const { result } = open(null);
    await waitFor(() => expect(result.current.status).toBe("local"));
    server.failNext("network-down", "network-down");
    await act(() => result.current.change("written in the hall"));
    await waitFor(() => expect(result.current.status).toBe("offline"), settled);
    expect(await stored()).toBeNull();
    act(() => void window.dispatchEvent(new Event("online")));
    await waitFor(() => expect(result.current.status).toBe("saved"), settled);
    expect(await stored()).toMatchObject({ body: "written in the hall", version: 1 });
  });

  it("the answer to a save is lost while typing goes on: no conflict with one's own text, everything saved", async () => {
    const { result } = open(null);
    await waitFor(() => expect(result.current.status).toBe("local"));
    server.failNext("lost-ack");
    await act(() => result.current.change("one"));
    await waitFor(() => expect(result.current.status).toBe("offline"), settled);
    await act(() => result.current.change("one two"));
    await waitFor(() => expect(result.current.status).toBe("saved"), settled);
    expect(result.current.draft?.conflict).toBeNull();
    const note = await stored();
    expect(note).toMatchObject({ body: "one two", version: 2 });
  });

  it("signed out: says so and keeps the text for later", async () => {
    const { result } = open(null);
    await waitFor(() => expect(result.current.status).toBe("local"));
    server.signOut();
    await act(() => result.current.change("after the session ended"));
    await waitFor(() => expect(result.current.status).toBe("signed-out"), settled);
    expect(result.current.draft?.body).toBe("after the session ended");
    expect((await draftDb().drafts.get(key))?.dirty).toBe(true);
  });
});

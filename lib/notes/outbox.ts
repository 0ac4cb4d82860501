"use client";

import { draftDb, newOpId, type Draft } from "./local-drafts";

export type PushResult =
  | { status: "saved"; draft: Draft }
  | { status: "idle"; draft: Draft }
  | { status: "conflict"; draft: Draft }
  | { status: "offline"; draft: Draft }
  | { status: "signed-out"; draft: Draft }
  | { status: "rejected"; draft: Draft; message: string };

async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  // One push per draft at a time, across tabs: the editor and the background syncer share drafts.
  if (typeof navigator !== "undefined" && navigator.locks)
    return navigator.locks.request(`summit-note:${key}`, fn) as Promise<T>;
  return fn();
}

/** Sends a draft's current text to the server if it has unsent changes. Never loses local text. */
export function pushDraft(key: string): Promise<PushResult> {
  return withLock(key, async () => {
    const db = draftDb();
    let draft = await db.drafts.get(key);
    if (!draft) throw new Error(`no draft ${key}`);
    if (draft.conflict) return { status: "conflict", draft };
    if (!draft.dirty) return { status: "idle", draft };
    // An entry already sent may have been saved with its answer lost: it goes again as it was (the
    // server acknowledges a replayed op id) and newer text follows on top of it. A fresh op id with
    // the newer text would meet the user's own saved text as a conflict.
    if (!draft.pending) {
      draft = { ...draft, pending: { opId: newOpId(), body: draft.body } };
      await db.drafts.put(draft);
    }
    const sent = draft.pending!;
    let res: Response;
    try {
      res = await fetch("/api/notes", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          opId: sent.opId,
          noteId: draft.noteId ?? undefined,
          eventId: draft.eventId,
          talkId: draft.talkId,
          baseVersion: draft.baseVersion,
          body: sent.body,
        }),
      });
    } catch {
      return { status: "offline", draft };
    }
    if (res.status === 401) return { status: "signed-out", draft };
    if (res.status >= 500 || res.status === 408 || res.status === 429) return { status: "offline", draft };
    const data = await res.json().catch(() => null);
    // A 2xx that is not our JSON (a captive portal, a proxy) may or may not have saved: retry later.
    if (res.ok && !data) return { status: "offline", draft };
    // Re-read: the user may have typed while the request was in flight.
    const latest = (await db.drafts.get(key)) ?? draft;
    if (res.status === 409 && data) {
      const next: Draft = {
        ...latest,
        noteId: data.noteId,
        conflict: { serverBody: data.serverBody, serverVersion: data.serverVersion },
        pending: null,
      };
      await db.drafts.put(next);
      return { status: "conflict", draft: next };
    }
    if (!res.ok) {
      // Refused, so nothing was written: the next push sends the text as it is then, under a new op id.
      const next: Draft = { ...latest, pending: null };
      await db.drafts.put(next);
      return { status: "rejected", draft: next, message: data?.error ?? `HTTP ${res.status}` };
    }
    const next: Draft = {
      ...latest,
      noteId: data.noteId,
      baseVersion: data.version,
      baseBody: sent.body,
      pending: null,
      dirty: latest.body !== sent.body,
    };
    await db.drafts.put(next);
    return { status: "saved", draft: next };
  });
}

/** Pushes every unsent draft of a user (on load and when the network comes back). */
export async function flushOutbox(userId: string): Promise<void> {
  const dirty = await draftDb()
    .drafts.where("userId")
    .equals(userId)
    .filter((d) => d.dirty && !d.conflict)
    .toArray();
  for (const d of dirty) {
    // Twice at most: a replayed entry, then the text typed after it.
    for (let round = 0; round < 2; round++) {
      const result = await pushDraft(d.key).catch(() => null);
      if (result?.status !== "saved" || !result.draft.dirty) break;
    }
  }
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Draft } from "@/lib/notes/local-drafts";
import type { PushResult } from "@/lib/notes/outbox";

// IndexedDB code (Dexie, ~30 KB gzip) is loaded when the editor mounts, not in the page's first
// load (issue 14). The editor shows "loading" until the local draft is read, as before; the
// service worker keeps the chunk (build assets, cache first), so it loads offline too.
const draftStore = () => import("@/lib/notes/local-drafts").then((m) => m.draftDb());
const pushDraft = (key: string) => import("@/lib/notes/outbox").then((m) => m.pushDraft(key));

export type SaveStatus = "loading" | "local" | "saving" | "saved" | "offline" | "conflict" | "signed-out" | "rejected";

type Init = {
  draftKey: string;
  userId: string;
  eventId: string;
  talkId: string | null;
  server: { noteId: string; body: string; version: number } | null;
};

const AUTOSAVE_DELAY_MS = 700;

/**
 * Local-first editing state for one note: loads the newest of (local draft, server note), writes
 * each change to IndexedDB first, then pushes it through the outbox with retries.
 */
export function useNoteSync({ draftKey, userId, eventId, talkId, server }: Init) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<SaveStatus>("loading");
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(1000);
  const pushing = useRef(false);
  const again = useRef(false);

  // The newest text typed here: a push answers with the draft as it was read from IndexedDB, which
  // can be older than keystrokes still on their way there; that answer must never replace them.
  const typed = useRef<string | null>(null);

  const apply = useCallback((result: PushResult) => {
    const newer = typed.current !== null && typed.current !== result.draft.body ? typed.current : null;
    setDraft(newer === null ? result.draft : { ...result.draft, body: newer, dirty: true });
    if (result.status === "saved" || result.status === "idle") {
      retryDelay.current = 1000;
      setStatus(result.draft.dirty || newer !== null ? "saving" : "saved");
    } else if (result.status === "rejected") {
      setStatus("rejected");
      setMessage(result.message);
    } else setStatus(result.status);
  }, []);

  const push = useCallback(async () => {
    if (pushing.current) {
      again.current = true;
      return;
    }
    pushing.current = true;
    try {
      do {
        again.current = false;
        setStatus((s) => (s === "conflict" ? s : "saving"));
        const result = await pushDraft(draftKey);
        apply(result);
        if (result.status === "offline") {
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void push(), retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
          break;
        }
        if (result.status === "saved" && result.draft.dirty) again.current = true;
      } while (again.current);
    } finally {
      pushing.current = false;
    }
  }, [apply, draftKey]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const db = await draftStore();
      let local = await db.drafts.get(draftKey);
      const serverIsNewer =
        server && (!local || (!local.dirty && !local.conflict && server.version >= local.baseVersion));
      if (serverIsNewer) {
        local = {
          key: draftKey,
          userId,
          eventId,
          talkId,
          noteId: server.noteId,
          body: server.body,
          baseVersion: server.version,
          baseBody: server.body,
          dirty: false,
          pending: null,
          conflict: local?.conflict ?? null,
          updatedAt: Date.now(),
        };
        await db.drafts.put(local);
      }
      if (cancelled) return;
      setDraft(
        local ?? {
          key: draftKey,
          userId,
          eventId,
          talkId,
          noteId: null,
          body: "",
          baseVersion: 0,
          dirty: false,
          pending: null,
          conflict: null,
          updatedAt: Date.now(),
        },
      );
      setStatus(local?.conflict ? "conflict" : local?.dirty ? "saving" : local?.noteId ? "saved" : "local");
      if (local?.dirty) void push();
    })();
    return () => {
      cancelled = true;
    };
    // Load once per note; later server props must not overwrite local typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);

  useEffect(() => {
    const online = () => {
      retryDelay.current = 1000;
      void push();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [push]);

  /** Called on every keystroke: stored locally before anything else, pushed after a short pause. */
  const change = useCallback(
    async (body: string) => {
      if (!draft) return;
      typed.current = body;
      const patch = { body, dirty: true, updatedAt: Date.now() };
      setDraft({ ...draft, ...patch });
      // A partial update, so fields the outbox wrote meanwhile (noteId, baseVersion) are kept.
      const db = await draftStore();
      if (!(await db.drafts.update(draftKey, patch))) await db.drafts.put({ ...draft, ...patch });
      if (draft.conflict) return;
      setStatus("saving");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void push(), AUTOSAVE_DELAY_MS);
    },
    [draft, draftKey, push],
  );

  /** Resolves a conflict with the text the user merged; saved on top of the server's version. */
  const resolve = useCallback(
    async (merged: string) => {
      if (!draft?.conflict) return;
      typed.current = merged;
      const patch = {
        body: merged,
        baseVersion: draft.conflict.serverVersion,
        baseBody: draft.conflict.serverBody,
        conflict: null,
        dirty: true,
        pending: null,
        updatedAt: Date.now(),
      };
      setDraft({ ...draft, ...patch });
      await (await draftStore()).drafts.update(draftKey, patch);
      await push();
    },
    [draft, draftKey, push],
  );

  return { draft, status, message, change, resolve };
}

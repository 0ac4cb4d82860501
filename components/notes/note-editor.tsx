"use client";

import { useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { NoteTags, type TagView } from "./note-tags";
import { useNoteSync, type SaveStatus } from "./use-note-sync";
import { refreshOfflineCopy, useCacheForOffline } from "./use-cache-for-offline";
import { formatTime, minutesIntoTalk } from "@/lib/time/zoned";

// Only after a 409 (the diff library, ~9 KB gzip, stays out of the first load); fetched in the
// background once the editor is up, so it is there (and in the service worker's cache) when needed.
const loadConflictResolver = () => import("./conflict-resolver");
const ConflictResolver = dynamic(() => loadConflictResolver().then((m) => m.ConflictResolver), { ssr: false });
const MarkdownPreview = dynamic(() => import("./markdown-preview").then((m) => m.MarkdownPreview), { ssr: false });

type Props = {
  userId: string;
  eventId: string;
  talkId: string | null;
  draftKey: string;
  server: { noteId: string; body: string; version: number } | null;
  tags: TagView[];
  timeZone: string;
  talkStartsAt: string | null;
  talkEndsAt?: string | null;
  /** The app's pinned "now" (SUMMIT_NOW) as an ISO instant, or null for the device clock. */
  pinnedNow?: string | null;
  onNoteCreated?: (noteId: string) => void;
};

const STATUS_STYLE: Record<SaveStatus, string> = {
  loading: "bg-slate-100 text-slate-600",
  local: "bg-slate-100 text-slate-600",
  saving: "bg-amber-100 text-amber-800",
  saved: "bg-green-100 text-green-800",
  offline: "bg-slate-700 text-white",
  conflict: "bg-red-600 text-white",
  "signed-out": "bg-red-100 text-red-800",
  rejected: "bg-red-100 text-red-800",
};

const STATUS_KEY: Record<SaveStatus, string> = {
  loading: "loading",
  local: "local",
  saving: "saving",
  saved: "saved",
  offline: "offline",
  conflict: "conflict",
  "signed-out": "signedOut",
  rejected: "rejected",
};

export function NoteEditor({
  userId,
  eventId,
  talkId,
  draftKey,
  server,
  tags,
  timeZone,
  talkStartsAt,
  talkEndsAt = null,
  pinnedNow = null,
  onNoteCreated,
}: Props) {
  const t = useTranslations("notes");
  const { draft, status, message, change, resolve } = useNoteSync({ draftKey, userId, eventId, talkId, server });
  const [tab, setTab] = useState<"write" | "preview">("write");
  const area = useRef<HTMLTextAreaElement>(null);
  useCacheForOffline();
  const noteId = draft?.noteId ?? null;
  useEffect(() => {
    if (noteId && !server) {
      onNoteCreated?.(noteId);
      // The offline copy of this page predates the note (no Markdown/History links): take a new one.
      refreshOfflineCopy();
    }
  }, [noteId, server, onNoteCreated]);
  useEffect(() => {
    void loadConflictResolver().catch(() => undefined);
  }, []);
  // The app's clock: the pinned instant when SUMMIT_NOW is set, else the device's.
  const now = () => (pinnedNow ? new Date(pinnedNow) : new Date());
  // Read after hydration (the server's clock is not the device's) and every 30 s, so [+m] is
  // offered exactly while the talk runs.
  const [clockNow, setClockNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setClockNow(pinnedNow ? new Date(pinnedNow) : new Date());
    tick();
    if (!talkStartsAt || pinnedNow) return;
    const id = setInterval(tick, 30_000);
    return () => clearInterval(id);
  }, [talkStartsAt, pinnedNow]);
  const minutesAt = (at: Date) =>
    talkStartsAt ? minutesIntoTalk(new Date(talkStartsAt), talkEndsAt ? new Date(talkEndsAt) : null, at) : null;
  const talkRunning = !!clockNow && minutesAt(clockNow) !== null;

  function insert(before: string, after = "", placeholder = "") {
    const el = area.current;
    if (!el || !draft) return;
    const { selectionStart: s, selectionEnd: e, value } = el;
    const selected = value.slice(s, e) || placeholder;
    const next = value.slice(0, s) + before + selected + after + value.slice(e);
    void change(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(s + before.length, s + before.length + selected.length);
    });
  }
  const timestamp = () => insert(`[${formatTime(now(), timeZone)}] `);
  const minutesIn = () => {
    const mins = minutesAt(now());
    if (mins !== null) insert(`[+${mins}m] `);
  };

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    const mod = e.ctrlKey || e.metaKey;
    const shortcut =
      mod && e.key.toLowerCase() === "b"
        ? () => insert("**", "**", "bold")
        : mod && e.key.toLowerCase() === "i"
          ? () => insert("_", "_", "italic")
          : e.altKey && e.code === "KeyT"
            ? timestamp
            : e.altKey && e.code === "KeyM" && talkStartsAt
              ? minutesIn
              : null;
    if (shortcut) {
      e.preventDefault();
      shortcut();
    }
  }

  const tool = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100";
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="tablist" className="flex gap-1">
          {(["write", "preview"] as const).map((k) => (
            <button
              key={k}
              role="tab"
              aria-selected={tab === k}
              type="button"
              onClick={() => setTab(k)}
              className={`rounded-md px-3 py-1 text-sm font-medium ${tab === k ? "bg-slate-800 text-white" : "bg-white"}`}
            >
              {t(k)}
            </button>
          ))}
        </div>
        <span
          role="status"
          aria-live="polite"
          data-testid="save-status"
          data-status={status}
          className={`ml-auto rounded-full px-3 py-1 text-xs font-semibold ${STATUS_STYLE[status]}`}
        >
          {t(`status.${STATUS_KEY[status]}`, { message: message ?? "" })}
        </span>
      </div>
      {draft?.conflict ? (
        <ConflictResolver
          mine={draft.body}
          theirs={draft.conflict.serverBody}
          theirsVersion={draft.conflict.serverVersion}
          base={draft.baseBody ?? null}
          onResolve={resolve}
        />
      ) : null}
      {tab === "write" ? (
        <>
          <div className="flex flex-wrap gap-1" aria-label="Formatting">
            <button
              type="button"
              className={tool}
              title={t("toolbar.bold")}
              aria-label={t("toolbar.bold")}
              onClick={() => insert("**", "**", "bold")}
            >
              <b>B</b>
            </button>
            <button
              type="button"
              className={tool}
              title={t("toolbar.italic")}
              aria-label={t("toolbar.italic")}
              onClick={() => insert("_", "_", "italic")}
            >
              <i>I</i>
            </button>
            <button
              type="button"
              className={tool}
              aria-label={t("toolbar.heading")}
              onClick={() => insert("\n## ", "", "")}
            >
              H
            </button>
            <button
              type="button"
              className={tool}
              aria-label={t("toolbar.list")}
              onClick={() => insert("\n- ", "", "")}
            >
              •
            </button>
            <button
              type="button"
              className={tool}
              title={t("toolbar.timestamp")}
              aria-label={t("toolbar.timestamp")}
              onClick={timestamp}
            >
              [hh:mm]
            </button>
            {talkStartsAt ? (
              <button
                type="button"
                className={`${tool} disabled:cursor-not-allowed disabled:opacity-50`}
                title={talkRunning ? t("toolbar.minutes") : t("toolbar.minutesOff")}
                aria-label={t("toolbar.minutes")}
                disabled={!talkRunning}
                onClick={minutesIn}
              >
                [+m]
              </button>
            ) : null}
          </div>
          <label htmlFor="note-body" className="sr-only">
            {t("editorLabel")}
          </label>
          <textarea
            id="note-body"
            ref={area}
            value={draft?.body ?? server?.body ?? ""}
            readOnly={!draft}
            onChange={(e) => void change(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t("placeholder")}
            spellCheck
            className="min-h-[30dvh] w-full resize-y sm:min-h-[55dvh] rounded-xl border border-slate-300 bg-white p-3 font-mono text-base leading-relaxed shadow-sm"
          />
        </>
      ) : (
        <div
          className="min-h-[30dvh] rounded-xl border border-slate-200 bg-white p-4 sm:min-h-[55dvh]"
          data-testid="note-preview"
        >
          {draft?.body ? (
            <MarkdownPreview source={draft.body} />
          ) : (
            <p className="text-slate-500">{t("emptyPreview")}</p>
          )}
        </div>
      )}
      <NoteTags noteId={noteId} initialTags={tags} bodyVersion={draft?.baseVersion ?? 0} />
    </div>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { submitWith } from "@/components/ui/submit-with";
import type { WriteupImportPreview, WriteupImportSummary } from "@/lib/data/writeup-import";
import { uploadWithProgress } from "@/components/ui/upload-with-progress";
import {
  isTalk,
  makeNote,
  makeTalk,
  mergeWithNext,
  newKey,
  splitPoints,
  splitSection,
  type EditableSection,
} from "./section-edits";

type SectionState = EditableSection;
type Input = { blob: Blob; fileName: string; timeZone: string };
type ErrorBody = { error?: string; code?: string; details?: { code?: string }; fieldErrors?: Record<string, string[]> };

const READ_CODES = [
  "TOO_LARGE",
  "NOT_TEXT",
  "INVALID_UTF8",
  "INVALID_FRONT_MATTER",
  "EMPTY",
  "TOO_COMPLEX",
  "BUSY",
] as const;
const input = "rounded border border-slate-300 px-2 py-1.5 text-sm";

function initialSections(preview: WriteupImportPreview, keep?: SectionState[]): SectionState[] {
  // Planned again against another event: the user's structure and text stay, the targets are new.
  if (keep && keep.length > 0) {
    const byTitle = new Map(preview.sections.map((s) => [s.title ?? "", s.target]));
    return keep.map((k) => ({ ...k, target: isTalk(k) ? (byTitle.get(k.title) ?? "new-talk") : "event-note" }));
  }
  return preview.sections.map((s) => ({
    key: newKey(),
    target: s.target,
    body: s.body,
    title: s.title ?? "",
    startTime: s.startTime ?? "",
    endTime: s.endTime ?? "",
    timeUnknown: s.timeUnknown,
    titleFromImage: s.titleFrom === "image",
    speakers: s.speakers,
    ...(s.track ? { track: s.track } : {}),
    tags: s.tags,
  }));
}

export function WriteupImporter() {
  const t = useTranslations("writeupImport");
  const [tab, setTab] = useState<"upload" | "paste">("upload");
  const [progress, setProgress] = useState<number | null>(null);
  const [last, setLast] = useState<Input | null>(null);
  const [preview, setPreview] = useState<WriteupImportPreview | null>(null);
  const [event, setEvent] = useState({ targetId: "", name: "", date: "" });
  const [sections, setSections] = useState<SectionState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const [summary, setSummary] = useState<WriteupImportSummary | null>(null);

  function explain(body: ErrorBody, status: number): string {
    const code = body.details?.code;
    if (code && (READ_CODES as readonly string[]).includes(code))
      return t(`errors.${code as (typeof READ_CODES)[number]}`);
    if (status === 413) return t("errors.TOO_LARGE");
    if (body.error === "agenda_admin_only") return t("agendaAdminOnly");
    if (body.error === "event_date_required" || body.fieldErrors?.["event.date"]) return t("dateMissing");
    const fields = body.fieldErrors ? Object.entries(body.fieldErrors).map(([k, v]) => `${k}: ${v.join(", ")}`) : [];
    return [body.error ?? `HTTP ${status}`, ...fields].join(" · ");
  }

  async function requestPreview(next: Input, eventId?: string, keep?: SectionState[]) {
    setError(null);
    setSummary(null);
    setProgress(0);
    try {
      const params = new URLSearchParams({ mode: "preview" });
      if (next.fileName) params.set("filename", next.fileName);
      if (next.timeZone) params.set("timeZone", next.timeZone);
      if (eventId) params.set("eventId", eventId);
      const res = await uploadWithProgress(
        `/api/writeups/import?${params}`,
        next.blob,
        setProgress,
        "text/markdown; charset=utf-8",
      );
      if (res.status >= 400) {
        setError(t("failed", { message: explain(res.body as ErrorBody, res.status) }));
        return;
      }
      const p = res.body.preview as WriteupImportPreview;
      setLast(next);
      setPreview(p);
      setEvent({
        targetId: p.match?.id ?? "",
        name: p.match?.name ?? p.event.name,
        date: p.match?.date ?? p.event.date ?? "",
      });
      setSections(initialSections(p, keep));
    } catch {
      setError(t("failed", { message: "network" }));
    } finally {
      setProgress(null);
    }
  }

  const onPreview = submitWith((form) => {
    const timeZone = String(form.get("timeZone") ?? "").trim();
    let next: Input | null = null;
    if (tab === "upload") {
      const file = form.get("file");
      if (file instanceof File && file.name) next = { blob: file, fileName: file.name, timeZone };
    } else {
      const text = String(form.get("text") ?? "");
      if (text.trim())
        next = {
          blob: new Blob([text], { type: "text/markdown" }),
          fileName: String(form.get("fileName") ?? "").trim(),
          timeZone,
        };
    }
    if (!next) {
      setError(t("chooseInput"));
      return;
    }
    setPreview(null);
    void requestPreview(next);
  });

  function chooseEvent(targetId: string) {
    if (!preview || !last) return;
    if (targetId === "") {
      setEvent({ targetId: "", name: preview.event.name, date: preview.event.date ?? event.date });
      setSections((current) => current.map((s) => ({ ...s, target: isTalk(s) ? "new-talk" : "event-note" })));
      return;
    }
    // Plan again against that event: its talks and the default mapping onto them (edited text is kept).
    void requestPreview(last, targetId, sections);
  }

  const update = (i: number, patch: Partial<SectionState>) =>
    setSections((current) => current.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const [splitChoice, setSplitChoice] = useState<Record<string, string>>({});

  async function apply() {
    if (!preview) return;
    setError(null);
    if (!event.date) {
      setError(t("dateMissing"));
      return;
    }
    setApplying(true);
    try {
      const body = {
        source: preview.source,
        ...(preview.fileName ? { fileName: preview.fileName } : {}),
        event: {
          targetId: event.targetId || null,
          name: event.name,
          date: event.date,
          timeZone: preview.event.timeZone,
        },
        sections: sections.map((s, index) => ({
          index,
          target: s.target,
          body: s.body,
          ...(s.target === "new-talk"
            ? {
                title: s.title || undefined,
                ...(s.timeUnknown || !s.startTime || !s.endTime
                  ? { timeUnknown: true }
                  : { startTime: s.startTime, endTime: s.endTime }),
                ...(s.speakers.length ? { speakers: s.speakers } : {}),
                ...(s.track ? { track: s.track } : {}),
              }
            : {}),
        })),
      };
      const res = await fetch("/api/writeups/import?mode=apply", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = (await res.json().catch(() => ({}))) as ErrorBody & { summary?: WriteupImportSummary };
      if (!res.ok || !data.summary) setError(t("applyFailed", { message: explain(data, res.status) }));
      else setSummary(data.summary);
    } catch {
      setError(t("applyFailed", { message: "network" }));
    } finally {
      setApplying(false);
    }
  }

  const newEvent = event.targetId === "";
  const mayAddTalks = newEvent || (preview?.canModifyAgenda ?? false);
  const talkCount = sections.filter((s) => s.target === "new-talk").length;

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={onPreview}
        className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm"
        aria-label={t("title")}
      >
        <div role="tablist" className="flex gap-2">
          {(["upload", "paste"] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              onClick={() => setTab(k)}
              className={`rounded-md px-3 py-1.5 text-sm font-semibold ${tab === k ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}
            >
              {t(k)}
            </button>
          ))}
        </div>
        {tab === "upload" ? (
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("file")}
            <input type="file" name="file" accept=".md,.markdown,.txt,text/markdown,text/plain" className="text-sm" />
          </label>
        ) : (
          <>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("text")}
              <textarea name="text" rows={10} className={`${input} font-mono`} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("fileName")}
              <input name="fileName" className={input} placeholder="2016-05-17-aws-summit.md" />
            </label>
          </>
        )}
        <label className="flex flex-col gap-1 text-sm font-medium sm:max-w-xs">
          {t("timeZone")}
          <input name="timeZone" placeholder="Asia/Seoul" className={input} />
        </label>
        <div>
          <Button type="submit" disabled={progress !== null}>
            {t("preview")}
          </Button>
        </div>
      </form>

      <div aria-live="polite" data-testid="writeup-status" className="flex flex-col gap-2">
        {progress !== null ? (
          <div className="flex flex-col gap-1">
            <progress
              max={100}
              value={progress}
              className="w-full"
              aria-label={t("uploading", { percent: progress })}
            />
            <span className="text-sm text-slate-600">
              {progress < 100 ? t("uploading", { percent: progress }) : t("working")}
            </span>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {summary ? (
          <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="writeup-done">
            {t("done", {
              name: summary.event.name,
              talks: summary.talks.filter((x) => x.created).length,
              notes: summary.notesCreated,
              updated: summary.notesUpdated,
            })}{" "}
            <Link className="font-semibold underline" href={`/events/${summary.event.slug}`}>
              {t("open")}
            </Link>{" "}
            ·{" "}
            <Link className="font-semibold underline" href={`/events/${summary.event.slug}/writeup`}>
              {t("exportIt")}
            </Link>
          </p>
        ) : null}
      </div>

      {preview && !summary ? (
        <section className="flex flex-col gap-4" data-testid="writeup-preview">
          <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold">{t("eventSection")}</h2>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("eventTarget")}
              <select
                value={event.targetId}
                onChange={(e) => chooseEvent(e.target.value)}
                className={input}
                disabled={progress !== null}
              >
                <option value="">{t("newEvent")}</option>
                {preview.match ? (
                  <option value={preview.match.id}>
                    {t("matched", { name: preview.match.name, date: preview.match.date })}
                  </option>
                ) : null}
                {preview.candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t("candidate", { name: c.name, date: c.date })}
                  </option>
                ))}
              </select>
            </label>
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("eventName")}
                <input
                  value={event.name}
                  onChange={(e) => setEvent({ ...event, name: e.target.value })}
                  disabled={!newEvent}
                  required
                  maxLength={200}
                  className={input}
                />
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("eventDate")}
                <input
                  type="date"
                  value={event.date}
                  onChange={(e) => setEvent({ ...event, date: e.target.value })}
                  disabled={!newEvent}
                  required
                  className={input}
                  aria-describedby={event.date ? undefined : "date-missing"}
                />
              </label>
            </div>
            {!event.date ? (
              <p id="date-missing" className="text-sm text-amber-800">
                {t("dateMissing")}
              </p>
            ) : null}
            {!mayAddTalks ? <p className="text-sm text-slate-600">{t("agendaAdminOnly")}</p> : null}
            {preview.guesses.eventName || preview.guesses.imageTitles > 0 || preview.guesses.unknownTimes > 0 ? (
              <div className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="writeup-guesses">
                <p className="font-medium">{t("guessed")}</p>
                <ul className="list-disc pl-5">
                  {preview.guesses.eventName === "heading" ? <li>{t("guessEventHeading")}</li> : null}
                  {preview.guesses.eventName === "file" ? <li>{t("guessEventFile")}</li> : null}
                  {preview.guesses.imageTitles > 0 ? (
                    <li>{t("guessImageTitles", { count: preview.guesses.imageTitles })}</li>
                  ) : null}
                  {preview.guesses.unknownTimes > 0 ? (
                    <li>{t("guessUnknownTimes", { count: preview.guesses.unknownTimes })}</li>
                  ) : null}
                </ul>
              </div>
            ) : null}
            {preview.warnings.length > 0 ? (
              <details className="text-sm text-slate-700">
                <summary className="cursor-pointer font-medium">
                  {t("warnings")} ({preview.warnings.length})
                </summary>
                <ul className="list-disc pl-5">
                  {preview.warnings.map((w, i) => (
                    <li key={i}>{w.replace(/^[a-z-]+: /, "")}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>

          <h2 className="text-lg font-semibold">
            {t("sectionsTitle", { count: sections.length })} ·{" "}
            {t("talksFound", { count: sections.filter(isTalk).length })}
          </h2>
          <p className="text-sm text-slate-600">{t("structureHint")}</p>
          <ol className="flex flex-col gap-3">
            {sections.map((state, i) => {
              const label = t("section", { n: i + 1 });
              const talk = isTalk(state);
              const points = splitPoints(state.body);
              const chosen = splitChoice[state.key] ?? String(points[0]?.line ?? "");
              return (
                <li
                  key={state.key}
                  className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm"
                  data-testid="writeup-section"
                  aria-label={label}
                >
                  <div className="flex flex-wrap items-baseline gap-2">
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-semibold ${talk ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-700"}`}
                      data-testid="writeup-section-kind"
                    >
                      {talk ? t("talk") : t("eventNote")}
                    </span>
                    {talk ? (
                      <span className="font-mono text-sm">
                        {state.timeUnknown || !state.startTime
                          ? t("timeUnknown")
                          : `${state.startTime}–${state.endTime}`}
                      </span>
                    ) : null}
                    <span className="font-semibold" data-testid="writeup-section-title">
                      {state.title || label}
                    </span>
                    {talk && state.titleFromImage ? (
                      <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900">
                        {t("titleFromImage")}
                      </span>
                    ) : null}
                  </div>
                  {state.speakers.length > 0 ? (
                    <p className="text-sm text-slate-600">{t("speakers", { names: state.speakers.join(" · ") })}</p>
                  ) : null}
                  <label className="flex flex-col gap-1 text-sm font-medium">
                    {t("target")}
                    <select
                      value={state.target}
                      onChange={(e) => update(i, { target: e.target.value })}
                      className={input}
                      aria-label={`${label} · ${t("target")}`}
                    >
                      {mayAddTalks || state.target === "new-talk" ? (
                        <option value="new-talk">{t("targetNewTalk")}</option>
                      ) : null}
                      <option value="event-note">{t("targetEventNote")}</option>
                      {newEvent
                        ? null
                        : preview.existingTalks.map((existing) => (
                            <option key={existing.id} value={`talk:${existing.id}`}>
                              {t("targetTalk", {
                                time: existing.timeUnknown
                                  ? t("timeUnknown")
                                  : `${existing.startTime}–${existing.endTime}`,
                                title: existing.title,
                              })}
                            </option>
                          ))}
                    </select>
                  </label>
                  {state.target === "new-talk" ? (
                    <div className="grid gap-2 sm:grid-cols-[1fr_7rem_7rem_auto]">
                      <label className="flex flex-col gap-1 text-sm font-medium">
                        {t("talkTitle")}
                        <input
                          value={state.title}
                          onChange={(e) => update(i, { title: e.target.value, titleFromImage: false })}
                          className={input}
                          maxLength={300}
                          aria-label={`${label} · ${t("talkTitle")}`}
                        />
                      </label>
                      <label className="flex flex-col gap-1 text-sm font-medium">
                        {t("start")}
                        <input
                          type="time"
                          value={state.startTime}
                          onChange={(e) => update(i, { startTime: e.target.value, timeUnknown: false })}
                          className={input}
                          aria-label={`${label} · ${t("start")}`}
                        />
                      </label>
                      <label className="flex flex-col gap-1 text-sm font-medium">
                        {t("end")}
                        <input
                          type="time"
                          value={state.endTime}
                          onChange={(e) => update(i, { endTime: e.target.value, timeUnknown: false })}
                          className={input}
                          aria-label={`${label} · ${t("end")}`}
                        />
                      </label>
                      <label className="flex items-end gap-1 pb-2 text-sm">
                        <input
                          type="checkbox"
                          checked={state.timeUnknown}
                          onChange={(e) => update(i, { timeUnknown: e.target.checked })}
                        />
                        {t("timeUnknownLabel")}
                      </label>
                      {state.timeUnknown ? (
                        <p className="text-xs text-amber-800 sm:col-span-4">{t("timeUnknownHint")}</p>
                      ) : null}
                    </div>
                  ) : null}
                  <label className="flex flex-col gap-1 text-sm font-medium">
                    {t("noteText")}
                    <textarea
                      value={state.body}
                      onChange={(e) => update(i, { body: e.target.value })}
                      rows={Math.min(12, Math.max(3, state.body.split("\n").length))}
                      className={`${input} font-mono`}
                      aria-label={`${label} · ${t("noteText")}`}
                    />
                  </label>
                  {state.tags.length > 0 ? (
                    <p className="flex flex-wrap gap-1 text-xs" aria-label={t("tags")}>
                      <span className="text-slate-600">{t("tags")}:</span>
                      {state.tags.map((tag) => (
                        <span
                          key={tag.slug}
                          className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-900"
                          title={t("matchedBy", { words: tag.matched.join(", ") })}
                        >
                          {tag.name}{" "}
                          <span className="text-amber-700">({t("matchedBy", { words: tag.matched.join(", ") })})</span>
                        </span>
                      ))}
                    </p>
                  ) : null}
                  <div
                    className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-2"
                    role="group"
                    aria-label={`${label} · ${t("fixStructure")}`}
                  >
                    {points.length > 0 ? (
                      <>
                        <label className="flex flex-col gap-1 text-xs font-medium">
                          {t("splitAt")}
                          <select
                            value={chosen}
                            onChange={(e) => setSplitChoice({ ...splitChoice, [state.key]: e.target.value })}
                            className={`${input} max-w-xs`}
                            aria-label={`${label} · ${t("splitAt")}`}
                          >
                            {points.map((p) => (
                              <option key={p.line} value={String(p.line)}>
                                {p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}
                              </option>
                            ))}
                          </select>
                        </label>
                        <Button
                          type="button"
                          variant="secondary"
                          onClick={() =>
                            setSections((current) => splitSection(current, i, Number(chosen), mayAddTalks))
                          }
                          aria-label={`${label} · ${t("split")}`}
                        >
                          {t("split")}
                        </Button>
                      </>
                    ) : null}
                    {i < sections.length - 1 ? (
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => setSections((current) => mergeWithNext(current, i))}
                        aria-label={`${label} · ${t("mergeNext")}`}
                      >
                        {t("mergeNext")}
                      </Button>
                    ) : null}
                    {talk ? (
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => update(i, makeNote(state))}
                        aria-label={`${label} · ${t("makeNote")}`}
                      >
                        {t("makeNote")}
                      </Button>
                    ) : mayAddTalks ? (
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => update(i, makeTalk(state))}
                        aria-label={`${label} · ${t("makeTalk")}`}
                      >
                        {t("makeTalk")}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="sticky bottom-0 flex items-center gap-3 rounded-xl bg-white/95 p-3 shadow-md">
            <Button type="button" onClick={apply} disabled={applying || progress !== null}>
              {applying ? t("applying") : t("apply")}
            </Button>
            <span className="text-sm text-slate-600">{t("talksFound", { count: talkCount })}</span>
          </div>
        </section>
      ) : null}
    </div>
  );
}

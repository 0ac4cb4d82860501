// Write-up import, planning side: a parsed write-up (WriteupPlan) → the sections the preview shows
// and the user edits. Pure — no database: lib/data/writeup-import.ts loads the events and talks it
// is planned against and writes the result (agenda rows in one transaction, notes through saveNote).
//
// Times are never invented here: a talk the post gives no time has `timeUnknown` and no times.
// Only when it is stored does it get placeholder times that keep the post's order (the agenda
// needs an instant to sort by); the talk row says its time is unknown, and an export writes no
// time for it, so a re-import cannot take the placeholder for a real time.
import type { SectionTarget, WriteupApplyInput } from "../validations/writeups";
import type { WriteupPlan } from "./types";

export const DEFAULT_WRITEUP_TIME_ZONE = "Asia/Seoul";

export type EventRef = { id: string; slug: string; name: string; date: string; timeZone: string };
export type ExistingTalk = {
  id: string;
  title: string;
  startTime: string;
  endTime: string;
  date: string;
  timeUnknown: boolean;
};
export type SectionTag = {
  slug: string;
  name: string;
  /** The words of the text that named it ("람다함수", "Lambda"). */ matched: string[];
};

export type ImportSection = {
  index: number;
  kind: "talk" | "note";
  /** The talk's title, or the event note's heading. */
  title?: string;
  /** Both absent when the write-up gives no time (timeUnknown). */
  startTime?: string;
  endTime?: string;
  timeUnknown: boolean;
  /** Where a talk's title was read: an image's alt text is a guess the preview points out. */
  titleFrom?: "heading" | "image" | "line";
  speakers: string[];
  track?: string;
  /** The note text that will be saved (editable in the preview). */
  body: string;
  /** AWS services the title and text mention, saved as the note's suggested tags. */
  tags: SectionTag[];
  /** The default choice: existing talk of the matched event, a new talk, or an event-level note. */
  target: SectionTarget;
  sourceStartLine: number;
};

/** What the preview tells the user was guessed rather than read (shown in their language). */
export type ImportGuesses = {
  /** The event name comes from a heading or the file name, not the front matter. */
  eventName: "heading" | "file" | null;
  imageTitles: number;
  unknownTimes: number;
};

export type WriteupImportPreview = {
  source: string;
  fileName?: string;
  event: { name: string; date?: string; timeZone: string };
  frontMatter: WriteupPlan["frontMatter"];
  /** The event the notes go to: given by id, or the one with the same name and date; null = a new event. */
  match: EventRef | null;
  /** Events with the same name or date, offered in the preview's event select. */
  candidates: EventRef[];
  existingTalks: ExistingTalk[];
  sections: ImportSection[];
  guesses: ImportGuesses;
  warnings: string[];
  canModifyAgenda: boolean;
};

export type WriteupImportSummary = {
  event: { id: string; slug: string; name: string; date: string; created: boolean };
  talks: { title: string; startTime: string | null; endTime: string | null; created: boolean }[];
  notesCreated: number;
  notesUpdated: number;
  /** Notes changed elsewhere meanwhile: left as they are (the import's text is not merged into them). */
  notesConflicted: number;
  tagsAdded: number;
};

export type PlannedSection = Omit<ImportSection, "tags" | "target">;

const normTitle = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** Splits a talk's headingSource into the container headings before it and its own title lines. */
function containerHeadings(
  headingSource: string | undefined,
  lines: string[],
  sourceStartLine: number,
): string | undefined {
  if (!headingSource) return undefined;
  const parts = headingSource.split("\n\n");
  const ownFirst = lines[sourceStartLine - 1] ?? "";
  if (parts.at(-1)!.split("\n")[0] === ownFirst) parts.pop(); // the talk's own title: kept as title and time
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

export const joinBlocks = (...blocks: (string | undefined)[]) =>
  blocks.filter((b): b is string => !!b && b.trim() !== "").join("\n\n");

// What exportWriteup adds around the notes (lib/writeup/export.ts LABELS): on re-import of such a
// post these words are the exporter's, not the user's, and are not put into the notes again.
const EXPORT_CONTAINER = /^#{1,6}\s+(?:강연|Talks|\d+일차 · \d{4}-\d{2}-\d{2}|Day \d+ · \d{4}-\d{2}-\d{2})\s*$/;
const EXPORT_OVERVIEW = /^#{1,6}\s+(?:총평|Overview)\s*$/;
const EXPORT_META = /^(?:트랙|발표자|Track|Speakers): .*$/;

/** A post written by exportWriteup: its front matter names the event and its time zone. */
export function isExportedPost(plan: WriteupPlan): boolean {
  return typeof plan.frontMatter.extra.event === "string" && typeof plan.frontMatter.extra.timezone === "string";
}

/** Drops the exporter's "트랙: …  / 발표자: …" paragraph at the top of a talk (the talk row keeps both). */
function withoutExportMeta(body: string): string {
  const lines = body.split("\n");
  let end = 0;
  while (end < lines.length && lines[end].trim() !== "" && EXPORT_META.test(lines[end].trim())) end++;
  if (end === 0 || (end < lines.length && lines[end].trim() !== "")) return body;
  return lines.slice(end).join("\n").replace(/^\n+/, "");
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmmOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const ASSUMED_LENGTH = 40;

/** The plan's pieces in source order as import sections (before any event is chosen). */
export function planImportSections(plan: WriteupPlan, source: string): PlannedSection[] {
  const lines = source.split("\n");
  const exported = isExportedPost(plan);
  const pieces = [
    ...plan.eventNotes.map((n) => ({ kind: "note" as const, n })),
    ...plan.talks.map((t) => ({ kind: "talk" as const, t })),
  ].sort((a, b) => (a.kind === "note" ? a.n : a.t).sourceStartLine - (b.kind === "note" ? b.n : b.t).sourceStartLine);
  return pieces.map((p, index): PlannedSection => {
    if (p.kind === "note") {
      const heading =
        exported && p.n.headingSource && EXPORT_OVERVIEW.test(p.n.headingSource) ? undefined : p.n.headingSource;
      return {
        index,
        kind: "note",
        ...(p.n.heading ? { title: p.n.heading } : {}),
        timeUnknown: false,
        speakers: [],
        body: joinBlocks(heading, p.n.body),
        sourceStartLine: p.n.sourceStartLine,
      };
    }
    const t = p.t;
    let endTime = t.endTime;
    // A start without an end (or an end before it): the end is a guess of 40 minutes, as before.
    if (t.startTime && (!endTime || endTime <= t.startTime))
      endTime = hhmmOf(Math.min(minutesOf(t.startTime) + ASSUMED_LENGTH, 23 * 60 + 59));
    const startTime = t.startTime && endTime && endTime <= t.startTime ? hhmmOf(minutesOf(endTime) - 1) : t.startTime;
    return {
      index,
      kind: "talk",
      title: t.title,
      ...(startTime ? { startTime, endTime } : {}),
      timeUnknown: !startTime,
      titleFrom: t.titleFrom,
      speakers: t.speakers ?? [],
      ...(t.track ? { track: t.track } : {}),
      body: exported
        ? joinBlocks(
            containerHeadings(t.headingSource, lines, t.sourceStartLine)
              ?.split("\n\n")
              .filter((h) => !EXPORT_CONTAINER.test(h))
              .join("\n\n"),
            withoutExportMeta(t.body),
          )
        : joinBlocks(containerHeadings(t.headingSource, lines, t.sourceStartLine), t.body),
      sourceStartLine: t.sourceStartLine,
    };
  });
}

export function importGuesses(plan: WriteupPlan): ImportGuesses {
  return {
    eventName: plan.eventNameFrom === "heading" || plan.eventNameFrom === "file" ? plan.eventNameFrom : null,
    imageTitles: plan.talks.filter((t) => t.titleFrom === "image").length,
    unknownTimes: plan.talks.filter((t) => !t.startTime).length,
  };
}

/** Default target of a section given the chosen event: same title (and time, when both have one) → that talk. */
export function defaultTarget(
  section: PlannedSection,
  existing: ExistingTalk[] | null,
  canModifyAgenda: boolean,
): SectionTarget {
  if (section.kind === "note") return "event-note";
  if (!existing) return "new-talk";
  const same = existing.filter((t) => normTitle(t.title) === normTitle(section.title ?? ""));
  const timed = !section.timeUnknown && section.startTime;
  const hit =
    same.find((t) => timed && !t.timeUnknown && t.startTime === section.startTime) ??
    same[0] ??
    (timed
      ? existing.find(
          (t) =>
            !t.timeUnknown &&
            t.startTime === section.startTime &&
            t.endTime === section.endTime &&
            existing.filter((o) => o.startTime === t.startTime).length === 1,
        )
      : undefined);
  if (hit) return `talk:${hit.id}`;
  return canModifyAgenda ? "new-talk" : "event-note";
}

/**
 * Placeholder times for talks stored without a time: one after another from 09:00 (or after the
 * previous timed talk), 40 minutes each with 10 between — only so the agenda keeps the post's order.
 */
export function orderTimes(
  sections: { timeUnknown: boolean; startTime?: string; endTime?: string }[],
): { startTime: string; endTime: string }[] {
  let cursor = 9 * 60;
  return sections.map((s) => {
    if (!s.timeUnknown && s.startTime && s.endTime) {
      cursor = Math.max(cursor, minutesOf(s.endTime) + 10);
      return { startTime: s.startTime, endTime: s.endTime };
    }
    const start = Math.min(cursor, 23 * 60 + 58 - ASSUMED_LENGTH);
    cursor = start + ASSUMED_LENGTH + 10;
    return { startTime: hhmmOf(start), endTime: hhmmOf(start + ASSUMED_LENGTH) };
  });
}

/** The preview's defaults as an apply input (the CLI, and tests, take the plan as it is). */
export function defaultApplyInput(
  preview: WriteupImportPreview,
  overrides: { name?: string; date?: string; targetId?: string | null } = {},
): WriteupApplyInput | { error: "event_date_required" } {
  const date = overrides.date ?? preview.match?.date ?? preview.event.date;
  if (!date) return { error: "event_date_required" };
  return {
    source: preview.source,
    ...(preview.fileName ? { fileName: preview.fileName } : {}),
    event: {
      targetId: overrides.targetId !== undefined ? overrides.targetId : (preview.match?.id ?? null),
      name: overrides.name ?? preview.match?.name ?? preview.event.name,
      date,
      timeZone: preview.event.timeZone,
    },
    sections: preview.sections.map((s) => ({
      index: s.index,
      target: overrides.targetId === null ? (s.kind === "talk" ? "new-talk" : "event-note") : s.target,
      body: s.body,
      ...(s.kind === "talk"
        ? {
            title: s.title,
            ...(s.timeUnknown ? { timeUnknown: true } : { startTime: s.startTime, endTime: s.endTime }),
            ...(s.speakers.length ? { speakers: s.speakers } : {}),
            ...(s.track ? { track: s.track } : {}),
          }
        : {}),
    })),
  };
}

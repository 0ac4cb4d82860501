// The shape a Markdown write-up is planned into before anything touches the database (see
// DESIGN.md: parse → plan → preview → apply). Pure types, limits and the one error class.

/**
 * Write-ups above this are refused before decoding: real event write-ups are far smaller (the three
 * fixtures are 7–10 KB), and a note may be 1 MB, so a post of one whole note fits. Parsing runs in a
 * worker thread (lib/writeup/off-thread.ts), never on the server's main thread: ordinary Markdown
 * reads at roughly 200–400 KB per second of CPU, crafted Markdown far slower.
 */
export const MAX_WRITEUP_BYTES = 1024 * 1024;

/**
 * Wall time the worker may spend on one write-up (or one export). Crafted input ("[a](" repeated,
 * deep nesting) would take minutes and is refused as TOO_COMPLEX when it runs out.
 */
export const WRITEUP_TIME_LIMIT_MS = 10_000;

export type WriteupErrorCode =
  "INVALID_FRONT_MATTER" | "NOT_TEXT" | "TOO_LARGE" | "INVALID_UTF8" | "EMPTY" | "TOO_COMPLEX" | "BUSY";

/** Input that cannot be planned at all. Everything merely odd becomes a warning instead. */
export class WriteupError extends Error {
  constructor(
    readonly code: WriteupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WriteupError";
  }
}

export type WriteupFrontMatter = {
  title?: string;
  /** YYYY-MM-DD: the calendar date of the post's `date` (in `options.timeZone` when it has an offset). */
  date?: string;
  categories: string[];
  tags: string[];
  /** Every other key, as parsed (layout, subtitle, draft, …), so an export can carry it on. */
  extra: Record<string, unknown>;
};

/**
 * Where a piece came from. Bodies are slices of the original text, verbatim; the heading line(s)
 * that became a title are kept in `headingSource` rather than in the body, so a note does not
 * repeat its talk's title (and an export does not nest a second copy of it).
 */
type SourcePlace = {
  /** 1-based line in the input (front matter included) where the piece starts. */
  sourceStartLine: number;
  /**
   * The Markdown line(s) consumed as the title, verbatim; heading-only sections before it (a
   * bare "## Talks" container) are carried here too, so no line of the input disappears.
   */
  headingSource?: string;
};

export type WriteupEventNote = SourcePlace & {
  /** Plain text of the section heading; undefined for the text before the first section. */
  heading?: string;
  body: string;
};

export type WriteupTalk = SourcePlace & {
  title: string;
  /** What the title was read from: a heading, an image's alt text, a line (a timed line, the first line after a rule). */
  titleFrom: "heading" | "image" | "line";
  /** Absent when the post gives no time: the talk's time is unknown (never invented here). */
  startTime?: string; // "HH:MM"
  endTime?: string; // "HH:MM"
  /** As written ("양승도 솔루션즈 아키텍트, 아마존 웹서비스"); the line stays in the body too. */
  speakers?: string[];
  /** From a "트랙: …" / "Track: …" line (what exportWriteup writes). */
  track?: string;
  body: string;
};

export type WriteupPlan = {
  frontMatter: WriteupFrontMatter;
  event: { name: string; date?: string };
  /** Where the event name was read ("heading" and "file" are guesses the preview points out). */
  eventNameFrom: "export" | "front-matter" | "heading" | "file" | "none";
  /** How the talks were found (timed-headings, session-headings, image-titles, …), for the preview and tests. */
  structure: string;
  /** In source order, like `talks`; merge the two by `sourceStartLine` to get the post's order. */
  eventNotes: WriteupEventNote[];
  talks: WriteupTalk[];
  /** "code: English sentence" — the code part is stable, so a UI can translate it. */
  warnings: string[];
};

export type ParseWriteupOptions = {
  /** Used for the date ("2016-05-17-aws-summit.md") and, failing a title, the event name. */
  fileName?: string;
  /** The event's zone: a front matter date with an offset is read as a calendar date there. */
  timeZone?: string;
};

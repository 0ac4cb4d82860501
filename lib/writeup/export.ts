// Notes of an event → one Markdown blog post (Jekyll or Hugo), written so that parseWriteup reads
// it back: talks as "### HH:MM - HH:MM Title" in the event's zone ("### Title" when its time is unknown), note headings pushed below
// level 3, the event name in front matter. Pure: the caller loads the notes and picks the services.
import YAML from "yaml";
import { formatIsoDate, formatTime } from "@/lib/time/zoned";
import { embeddableNote, escapeInline } from "./note-markdown";

export type WriteupExportNote = { author?: string; body: string };

export type WriteupExportTalk = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Imported without a time: startsAt/endsAt only keep the order, and no time is written. */
  timeUnknown?: boolean;
  track?: string | null;
  speakers: string[];
  notes: WriteupExportNote[];
};

export type WriteupExportInput = {
  event: { name: string; startDate: string; timeZone: string; series?: string | null; venue?: string | null };
  talks: WriteupExportTalk[];
  eventNotes: WriteupExportNote[];
  /** AWS service names, written as the post's tags. */
  services: string[];
  flavour: "jekyll" | "hugo";
  /** Language of the few words the exporter adds (title suffix, labels). Default "ko". */
  locale?: "ko" | "en";
};

const LABELS = {
  ko: {
    title: (name: string) => `${name} 후기`,
    overview: "총평",
    talks: "강연",
    day: (n: number, date: string) => `${n}일차 · ${date}`,
    track: "트랙",
    speakers: "발표자",
    by: (author: string) => `작성: ${author}`,
  },
  en: {
    title: (name: string) => `${name} recap`,
    overview: "Overview",
    talks: "Talks",
    day: (n: number, date: string) => `Day ${n} · ${date}`,
    track: "Track",
    speakers: "Speakers",
    by: (author: string) => `Notes by ${author}`,
  },
} as const;
type Labels = (typeof LABELS)[keyof typeof LABELS];

// Talk headings are level 3 (under "## 강연"); anything inside a note starts at level 4.
const NOTE_HEADING_LEVEL = 4;

function renderNotes(notes: WriteupExportNote[], attribute: boolean, labels: Labels): string[] {
  return notes
    .filter((note) => note.body.trim() !== "")
    .flatMap((note) => [
      ...(attribute && note.author?.trim() ? [`*${escapeInline(labels.by(note.author))}*`] : []),
      embeddableNote(note.body, NOTE_HEADING_LEVEL),
    ]);
}

type TalkHead = Omit<WriteupExportTalk, "notes">;

function renderTalk(talk: TalkHead, timeZone: string, labels: Labels): string[] {
  // A talk whose time is unknown gets no time: the placeholder that keeps it in order is not a time.
  const time = talk.timeUnknown ? "" : `${formatTime(talk.startsAt, timeZone)} - ${formatTime(talk.endsAt, timeZone)} `;
  const meta = [
    ...(talk.track?.trim() ? [`${labels.track}: ${escapeInline(talk.track)}`] : []),
    ...(talk.speakers.length > 0 ? [`${labels.speakers}: ${talk.speakers.map(escapeInline).join(" · ")}`] : []),
  ];
  // Two trailing spaces: a line break that keeps both meta lines in one paragraph.
  return [`### ${time}${escapeInline(talk.title)}`, ...(meta.length > 0 ? [meta.join("  \n")] : [])];
}

function frontMatter(input: WriteupExportInput, labels: Labels): string {
  const { event, flavour } = input;
  const [y, m, d] = event.startDate.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(event.startDate) || Number.isNaN(date.getTime())) {
    throw new RangeError(`event.startDate must be YYYY-MM-DD, got "${event.startDate}"`);
  }
  const tracks = [...new Set(input.talks.map((t) => t.track?.trim()).filter((t): t is string => !!t))];
  const tags = [...new Set(input.services.map((s) => s.trim()).filter(Boolean))];
  const data: Record<string, unknown> = {
    ...(flavour === "jekyll" ? { layout: "post" } : {}),
    title: labels.title(event.name),
    date, // a Date at UTC midnight is written as a bare 2016-05-17
    ...(flavour === "hugo" ? { draft: false } : {}),
    ...(event.series?.trim() ? { categories: [event.series.trim()] } : {}),
    tags,
    event: event.name,
    ...(event.venue?.trim() ? { venue: event.venue.trim() } : {}),
    timezone: event.timeZone,
    ...(tracks.length > 0 ? { tracks } : {}),
  };
  // YAML 1.1 is what Jekyll (Psych) and Hugo read: "yes", "on", "no" get quoted, not turned into booleans.
  return `---\n${YAML.stringify(data, { version: "1.1", lineWidth: 0 })}---`;
}

export function exportWriteup(input: WriteupExportInput): string {
  const labels = LABELS[input.locale ?? "ko"];
  const { timeZone } = input.event;
  const authors = new Set(
    [...input.eventNotes, ...input.talks.flatMap((t) => t.notes)].map((n) => n.author?.trim()).filter(Boolean),
  );
  const attribute = authors.size > 1;
  const blocks: string[] = [frontMatter(input, labels)];

  const overview = renderNotes(input.eventNotes, attribute, labels);
  if (overview.length > 0) blocks.push(`## ${labels.overview}`, ...overview);

  const talks = [...input.talks].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const days = [...new Set(talks.map((t) => formatIsoDate(t.startsAt, timeZone)))];
  const start = Date.parse(`${input.event.startDate}T00:00:00Z`);
  let day: string | undefined;
  if (talks.length > 0 && days.length === 1) blocks.push(`## ${labels.talks}`);
  for (const talk of talks) {
    const date = formatIsoDate(talk.startsAt, timeZone);
    if (days.length > 1 && date !== day) {
      day = date;
      const n = Math.round((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000) + 1;
      blocks.push(`## ${labels.day(n >= 1 ? n : days.indexOf(date) + 1, date)}`);
    }
    blocks.push(...renderTalk(talk, timeZone, labels), ...renderNotes(talk.notes, attribute, labels));
  }
  return `${blocks.join("\n\n")}\n`;
}

export type WriteupExportSingleNote = WriteupExportNote & {
  /** The talk the note is about; without it the note is an event-level note. */
  talk?: TalkHead & { timeZone: string };
  locale?: "ko" | "en";
};

/** One note as a Markdown file: the talk heading and speakers (when it is a talk note), author, text. */
export function exportNoteMarkdown(note: WriteupExportSingleNote): string {
  const labels = LABELS[note.locale ?? "ko"];
  const blocks = [
    ...(note.talk ? renderTalk(note.talk, note.talk.timeZone, labels) : []),
    ...renderNotes([note], true, labels),
  ];
  return `${blocks.join("\n\n")}\n`;
}

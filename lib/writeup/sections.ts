// Cutting the body into event notes and talks at the chosen boundaries. Every piece is a slice of
// the original lines, so the user's Markdown is kept exactly as written.
import type { Root } from "mdast";
import { collectMarkers, type Block } from "./markers";
import { plainText, trimBlankLines } from "./markdown";
import { isDayHeading, isKeynote, isNoteHeading, isSessionHeading, readTalkMeta } from "./patterns";
import { chooseStructure, type Boundary } from "./structure";
import type { WriteupEventNote, WriteupTalk } from "./types";

export type Sections = {
  mode: string;
  eventNotes: WriteupEventNote[];
  talks: WriteupTalk[];
  /** The post's own "# Title" when it opens the body (or is its only level-1 heading). */
  documentTitle?: string;
  /** The heading naming the post opens the body: "# …", or the one heading of its level ("## AWSome Day 다녀오다"). */
  openingTitle?: { text: string; level: number };
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** A list item's continuation is indented under its marker; out of the list it would read as code. */
function dedent(lines: string[]): string[] {
  const cut = lines.reduce((min, l) => (l.trim() === "" ? min : Math.min(min, /^[ \t]*/.exec(l)![0].length)), Infinity);
  return cut === Infinity || cut === 0 ? lines : lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)));
}

/** The lines a speaker/track line could be on: the first paragraph, or the first items of a first list. */
function firstBlockLines(block: Block | undefined): { lines: string[]; bullet: boolean } {
  if (block?.node.type === "paragraph") return { lines: plainText(block.node).split("\n"), bullet: false };
  if (block?.node.type === "list") {
    const firsts = block.node.children.map((item) => {
      const p = item.children[0];
      return p?.type === "paragraph" ? plainText(p).split("\n")[0] : "";
    });
    return { lines: firsts, bullet: true };
  }
  return { lines: [], bullet: false };
}

/** A heading that names the post rather than a part of it. */
function titleHeading(
  blocks: Block[],
  markers: ReturnType<typeof collectMarkers>,
): ReturnType<typeof collectMarkers>[number] | undefined {
  const first = blocks[0];
  if (first?.node.type !== "heading") return undefined;
  const h = markers.find((m) => m.kind === "heading" && m.endLine === first.end);
  if (!h || h.timed || isSessionHeading(h.text) || isDayHeading(h.text) || isNoteHeading(h.text) || isKeynote(h.text))
    return undefined;
  const sameLevel = markers.filter((m) => m.kind === "heading" && m.level === h.level).length;
  const shallowest = markers.filter((m) => m.kind === "heading").every((m) => m.level >= h.level);
  return h.level === 1 || (sameLevel === 1 && shallowest) ? h : undefined;
}

export function planSections(
  root: Root,
  lines: string[],
  bodyStartLine: number,
  warnings: string[],
  exported = false,
): Sections {
  const blocks: Block[] = root.children
    .filter((node) => node.position && node.position.start.line >= bodyStartLine)
    .map((node) => ({ node, start: node.position!.start.line, end: node.position!.end.line }));
  const markers = collectMarkers(blocks, lines, warnings);
  const title = titleHeading(blocks, markers);
  const { mode, boundaries } = chooseStructure(markers, blocks, lines, title, exported);
  const h1s = markers.filter((m) => m.kind === "heading" && m.level === 1);
  const opening = blocks[0]?.node.type === "heading" && blocks[0].node.depth === 1;
  const documentTitle = title?.text ?? (opening || h1s.length === 1 ? h1s[0]?.text : undefined);

  const eventNotes: WriteupEventNote[] = [];
  const talks: WriteupTalk[] = [];
  const slice = (from: number, to: number) => lines.slice(from - 1, to - 1); // lines [from, to)

  const firstLine = boundaries[0]?.line ?? lines.length + 1;
  const preamble = trimBlankLines(slice(bodyStartLine, firstLine));
  if (preamble.length > 0) {
    const start = bodyStartLine + slice(bodyStartLine, firstLine).findIndex((l) => l.trim() !== "");
    eventNotes.push({ sourceStartLine: start, body: preamble.join("\n") });
  }

  // Heading lines of sections with nothing under them ("## 강연" right above its first talk)
  // travel with the next piece, so they are neither lost nor turned into empty notes.
  let pending: string[] = [];
  let at = 0; // first block after the current boundary's title; both lists are in source order
  boundaries.forEach((b: Boundary, i) => {
    const next = boundaries[i + 1]?.line ?? lines.length + 1;
    const own = b.keepInBody ? undefined : slice(b.line, b.endLine + 1).join("\n");
    let body = trimBlankLines(slice(b.keepInBody ? b.line : b.endLine + 1, next));
    if (b.listItem) body = dedent(body);
    if (b.role === "note" && body.length === 0 && own !== undefined && i < boundaries.length - 1) {
      pending.push(own);
      return;
    }
    const headingSource =
      pending.length > 0 || own !== undefined ? [...pending, ...(own ? [own] : [])].join("\n\n") : undefined;
    pending = [];
    const place = { sourceStartLine: b.line, ...(headingSource !== undefined ? { headingSource } : {}) };
    if (b.role === "note") {
      const heading = b.kind === "heading" || !b.keepInBody ? b.text : undefined;
      if (heading && isKeynote(heading)) {
        warnings.push(
          `keynote-as-note: "${heading}" has no time, so it is imported as an event note; make it a talk in the preview if it was one.`,
        );
      }
      eventNotes.push({ ...place, ...(heading ? { heading } : {}), body: body.join("\n") });
      return;
    }
    // Speaker/track lines sit in the first block after the title (a list item's talk has none).
    while (at < blocks.length && blocks[at].start <= b.endLine) at++;
    const first = !b.listItem && blocks[at]?.start < next ? blocks[at] : undefined;
    const metaSource = firstBlockLines(first);
    const meta = readTalkMeta(metaSource.lines, metaSource.bullet);
    const startTime = b.timed?.startTime;
    let endTime = b.timed?.endTime;
    // "23:30 - 00:30" runs past midnight; "14:00 - 13:00" (23 hours) is a typo.
    if (
      startTime &&
      endTime &&
      endTime <= startTime &&
      (endTime === startTime || minutes(endTime) + 24 * 60 - minutes(startTime) > 6 * 60)
    ) {
      warnings.push(
        `time-order: line ${b.line}: the talk ends (${endTime}) before it starts (${startTime}); the end time is dropped.`,
      );
      endTime = undefined;
    }
    talks.push({
      ...place,
      titleFrom:
        b.kind === "image" || (b.kind === "heading" && b.keepInBody) ? "image" : b.kind === "rule" ? "line" : b.kind,
      title: b.timed?.title || b.text || `${startTime ?? ""}`.trim() || `Line ${b.line}`,
      ...(startTime ? { startTime } : {}),
      ...(endTime ? { endTime } : {}),
      ...(meta.speakers?.length ? { speakers: meta.speakers } : {}),
      ...(meta.track ? { track: meta.track } : {}),
      body: body.join("\n"),
    });
  });

  if (talks.length === 0)
    warnings.push("no-talks: no talk sections were recognised; the text is imported as event notes.");
  return {
    mode,
    eventNotes,
    talks,
    ...(documentTitle ? { documentTitle } : {}),
    ...(title ? { openingTitle: { text: title.text, level: title.level } } : {}),
  };
}

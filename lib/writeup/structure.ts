// Which markers start a talk, which start an event note, and which are just part of a section.
// A write-up has one "talk level"; headings above it start event notes, headings below it stay
// inside the section's text. The strongest signal present decides, in this order:
//   1. headings with a time range ("### 13:00 - 13:40 제목"): their most common level;
//   2. numbered sessions ("## 세션 1", "## Session 2"): their level;
//   3. sub-headings of a talk container ("## 강연 트랙" → its "###" children);
//   4. the shallowest heading level used at least twice that has a heading which is neither
//      intro/summary-like ("소개", "마무리", "Keynote") nor inside such a section;
//   5. plain lines or list items starting with a time range;
//   6. image-only paragraphs (a slide as the title), at least two;
//   7. horizontal rules (at least two) in a post without headings;
//   otherwise no talks: the text becomes event notes.
// At the chosen level, only headings with the deciding signal become talks: an untimed "### 점심"
// among timed talks, or the untimed keynote section of aws-summit-2016.md, is an event note.
import type { Block, Marker } from "./markers";
import {
  continuesPart,
  isContainerHeading,
  isDayHeading,
  isKeynote,
  isNoteHeading,
  isSessionHeading,
} from "./patterns";

export type Boundary = Marker & { role: "talk" | "note" };
export type Structure = { mode: string; boundaries: Boundary[] };

function mostCommonLevel(markers: Marker[]): number {
  const counts = new Map<number, number>();
  for (const m of markers) counts.set(m.level, (counts.get(m.level) ?? 0) + 1);
  // Ties go to the shallower level: sections nest, so the outer one is the safer cut.
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

function atLevel(headings: Marker[], level: number, isTalk: (m: Marker) => boolean): Boundary[] {
  return headings
    .filter((h) => h.level <= level)
    .map((h) => ({ ...h, role: h.level === level && isTalk(h) ? "talk" : "note" }));
}

/** Headings that open a part of their own: numbered ("세션 2"), a keynote, or a continued part ("핵심 서비스 (2)"). */
function partHeadings(headings: Marker[]): Set<Marker> {
  const parts = new Set<Marker>();
  const earlier: string[] = [];
  for (const h of headings) {
    if (isSessionHeading(h.text) || isKeynote(h.text) || continuesPart(h.text, earlier)) {
      parts.add(h);
      earlier.push(h.text);
    }
  }
  return parts;
}

/** Direct sub-headings (the shallowest level below it) of each heading in `parents`. */
function childrenOf(headings: Marker[], parents: (h: Marker) => boolean): Set<Marker> {
  const children = new Set<Marker>();
  headings.forEach((h, i) => {
    if (!parents(h)) return;
    const below: Marker[] = [];
    for (const c of headings.slice(i + 1)) {
      if (c.level <= h.level) break;
      below.push(c);
    }
    const level = below.reduce((min, c) => Math.min(min, c.level), 7);
    for (const c of below) if (c.level === level) children.add(c);
  });
  return children;
}

function fromHeadings(headings: Marker[], title: Marker | undefined): Structure | undefined {
  const timed = headings.filter((h) => h.timed);
  if (timed.length > 0)
    return { mode: "timed-headings", boundaries: atLevel(headings, mostCommonLevel(timed), (h) => !!h.timed) };

  // "## Day 1 - …" with "### 키노트", "### …" under it: the days group the talks.
  const days = childrenOf(headings, (h) => isDayHeading(h.text));
  const dayTalks = [...days].filter((h) => !isNoteHeading(h.text) || isKeynote(h.text));
  if (dayTalks.length > 0) {
    const level = mostCommonLevel(dayTalks);
    return { mode: "day-children", boundaries: atLevel(headings, level, (h) => dayTalks.includes(h)) };
  }

  const parts = partHeadings(headings.filter((h) => h !== title));
  const numbered = [...parts].filter((h) => isSessionHeading(h.text));
  if (numbered.length > 0) {
    return { mode: "session-headings", boundaries: atLevel(headings, mostCommonLevel(numbered), (h) => parts.has(h)) };
  }

  const children = new Set<Marker>();
  headings.forEach((h, i) => {
    if (!isContainerHeading(h.text)) return;
    for (const c of headings.slice(i + 1)) {
      if (c.level <= h.level) break;
      if (c.level === h.level + 1) children.add(c);
    }
  });
  if (children.size > 0) {
    const level = mostCommonLevel([...children]);
    return { mode: "container-children", boundaries: atLevel(headings, level, (h) => children.has(h)) };
  }

  // Sub-headings of an intro or summary ("## 좋았던 점" › "### 도시락") are part of that note;
  // the post's own "# … 후기" title is not such a section.
  const postTitle =
    headings.filter((h) => h.level === 1).length === 1 ? headings.find((h) => h.level === 1) : undefined;
  const underNote = new Set<Marker>();
  const open: Marker[] = []; // the chain of enclosing headings
  for (const h of headings) {
    while (open.length > 0 && open[open.length - 1].level >= h.level) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent !== postTitle && (isNoteHeading(parent.text) || underNote.has(parent))) underNote.add(h);
    open.push(h);
  }
  const isTalk = (h: Marker) => h !== title && (!isNoteHeading(h.text) || isKeynote(h.text)) && !underNote.has(h);
  for (let level = 1; level <= 6; level++) {
    const same = headings.filter((h) => h.level === level && h !== title);
    if (same.length >= 2 && same.some(isTalk))
      return { mode: "heading-level", boundaries: atLevel(headings, level, isTalk) };
  }
  return undefined;
}

/** Sections cut by horizontal rules: each part is titled by its first line when it says more after it. */
function fromRules(rules: Marker[], blocks: Block[], lines: string[]): Boundary[] {
  const out: Boundary[] = [];
  let at = 0; // blocks and rules are both in source order: one pass
  rules.forEach((rule, i) => {
    const next = rules[i + 1]?.line ?? lines.length + 1;
    while (at < blocks.length && blocks[at].start <= rule.line) at++;
    const first = blocks[at]?.start < next ? blocks[at] : undefined;
    if (!first) return;
    const text = lines[first.start - 1].replace(/^[#>\s*_-]+|[*_\s]+$/g, "").trim();
    const after = blocks[at + 1];
    const hasMore = !!after && after.start < next && after.node.type !== "thematicBreak";
    // A one-line paragraph is a title and moves to headingSource; a longer one stays text.
    const titleLine = first.node.type === "paragraph" && first.start === first.end;
    const talk = hasMore && titleLine && text.length <= 120 && !isNoteHeading(text);
    out.push({
      kind: "line",
      line: first.start,
      endLine: first.start,
      level: 7,
      text,
      keepInBody: !talk,
      role: talk ? "talk" : "note",
    });
  });
  return out;
}

/**
 * `title`: the heading that names the post (its opening "# …", or "## AWSome Day" at the top of a
 * post without front matter): never a talk, whatever its level.
 */
export function chooseStructure(
  markers: Marker[],
  blocks: Block[],
  lines: string[],
  title?: Marker,
  exported = false,
): Structure {
  const headings = markers.filter((m) => m.kind === "heading");
  // A post exportWriteup wrote: every "###" is a talk, timed or not (a talk whose time is unknown
  // is exported without one), and the notes' own headings were pushed below it.
  if (exported && headings.some((h) => h.level === 3))
    return { mode: "export", boundaries: atLevel(headings, 3, () => true) };
  const structured = fromHeadings(headings, title);
  if (structured) return structured;

  // Without heading talks, only the outermost headings cut sections; deeper ones stay inside.
  const top = headings.reduce((min, h) => Math.min(min, h.level), 7);
  const notes: Boundary[] = headings.filter((h) => h.level === top).map((h) => ({ ...h, role: "note" }));
  const withNotes = (mode: string, talks: Marker[]): Structure => ({
    mode,
    boundaries: [...notes, ...talks.map((m): Boundary => ({ ...m, role: "talk" }))].sort((a, b) => a.line - b.line),
  });

  const timedLines = markers.filter((m) => m.kind === "line");
  if (timedLines.length > 0) return withNotes("timed-lines", timedLines);
  const images = markers.filter((m) => m.kind === "image");
  if (images.length >= 2) return withNotes("image-titles", images);
  const rules = markers.filter((m) => m.kind === "rule");
  if (rules.length >= 2 && headings.length === 0) {
    const boundaries = fromRules(rules, blocks, lines);
    if (boundaries.some((b) => b.role === "talk")) return { mode: "rules", boundaries };
  }
  return { mode: "none", boundaries: notes };
}

// The import preview's structure edits, as pure functions over the sections the user sees: split a
// section before any heading or paragraph, merge it with the next, turn a note into a talk and back.
// No line of text is dropped by an edit: a title that stops being a title goes back into the text
// as a heading, and a heading that becomes a title is kept as that title.
import type { SectionTag } from "@/lib/writeup/import-plan";

export type EditableSection = {
  key: string;
  /** "new-talk", "event-note" or "talk:<id>": a section is a talk when it goes to a talk. */
  target: string;
  title: string;
  startTime: string;
  endTime: string;
  timeUnknown: boolean;
  titleFromImage: boolean;
  speakers: string[];
  track?: string;
  body: string;
  tags: SectionTag[];
};

export const isTalk = (s: Pick<EditableSection, "target">) => s.target === "new-talk" || s.target.startsWith("talk:");

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Places a section can be split: every heading line and the first line of every paragraph after the first. */
export function splitPoints(body: string): { line: number; text: string }[] {
  const lines = body.split("\n");
  const out: { line: number; text: string }[] = [];
  let fence = false;
  lines.forEach((line, i) => {
    const fenceLine = /^ {0,3}(```|~~~)/.test(line);
    const inside = fence;
    if (fenceLine) fence = !fence;
    if (inside || i === 0 || line.trim() === "") return;
    if (HEADING.test(line) || lines[i - 1].trim() === "") out.push({ line: i, text: line.trim() });
  });
  return out;
}

/** Tags whose matched words still occur in the text (after a split or a merge). */
function tagsIn(tags: SectionTag[], text: string): SectionTag[] {
  const lower = text.toLowerCase();
  const seen = new Set<string>();
  return tags.filter(
    (t) => !seen.has(t.slug) && t.matched.some((w) => lower.includes(w.toLowerCase())) && seen.add(t.slug),
  );
}

let counter = 0;
export const newKey = () => `s${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * Splits `sections[i]` before body line `line`. A heading there titles the new part (a talk, its
 * time unknown, when talks may be added); anything else starts a new event note.
 */
export function splitSection(
  sections: EditableSection[],
  i: number,
  line: number,
  mayAddTalks: boolean,
): EditableSection[] {
  const s = sections[i];
  const lines = s.body.split("\n");
  if (line <= 0 || line >= lines.length) return sections;
  const before = lines.slice(0, line).join("\n").replace(/\s+$/, "");
  const rest = lines.slice(line);
  const heading = HEADING.exec(rest[0]);
  const asTalk = !!heading && mayAddTalks;
  const body = (asTalk ? rest.slice(1) : rest).join("\n").replace(/^\s*\n/, "");
  const next: EditableSection = {
    key: newKey(),
    target: asTalk ? "new-talk" : "event-note",
    title: heading ? heading[2] : "",
    startTime: "",
    endTime: "",
    timeUnknown: true,
    titleFromImage: false,
    speakers: [],
    body,
    tags: tagsIn(s.tags, `${heading?.[2] ?? ""}\n${body}`),
  };
  const first = { ...s, body: before, tags: tagsIn(s.tags, `${s.title}\n${before}`) };
  return [...sections.slice(0, i), first, next, ...sections.slice(i + 1)];
}

/** Merges `sections[i]` with the one after it; the second one's title stays in the text as a heading. */
export function mergeWithNext(sections: EditableSection[], i: number): EditableSection[] {
  const a = sections[i];
  const b = sections[i + 1];
  if (!b) return sections;
  const bTitle = isTalk(b) && b.title.trim() ? `### ${b.title.trim()}` : "";
  const body = [a.body.replace(/\s+$/, ""), bTitle, b.body].filter((x) => x.trim() !== "").join("\n\n");
  const merged = { ...a, body, tags: tagsIn([...a.tags, ...b.tags], `${a.title}\n${body}`) };
  return [...sections.slice(0, i), merged, ...sections.slice(i + 2)];
}

/** A note becomes a new talk, titled by its heading (or its first line); its time unknown until set. */
export function makeTalk(s: EditableSection): EditableSection {
  if (isTalk(s)) return s;
  const lines = s.body.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  const heading = first >= 0 ? HEADING.exec(lines[first]) : null;
  if (s.title.trim()) {
    // A note's title is its heading, which is also the first line of its text: the title keeps it.
    const dropHeading = heading && heading[2].trim() === s.title.trim();
    return {
      ...s,
      target: "new-talk",
      timeUnknown: !s.startTime,
      body: dropHeading
        ? lines
            .slice(first + 1)
            .join("\n")
            .replace(/^\s*\n/, "")
        : s.body,
    };
  }
  if (heading)
    return {
      ...s,
      target: "new-talk",
      title: heading[2],
      timeUnknown: !s.startTime,
      body: lines
        .slice(first + 1)
        .join("\n")
        .replace(/^\s*\n/, ""),
    };
  const title = (lines[first] ?? "").replace(/^[#>*_\-\s]+|[*_\s]+$/g, "").slice(0, 120) || "Talk";
  return { ...s, target: "new-talk", title, timeUnknown: !s.startTime };
}

/** A talk becomes an event note; its title goes back into the text as a heading. */
export function makeNote(s: EditableSection): EditableSection {
  if (!isTalk(s)) return s;
  const title = s.title.trim();
  const startsWithIt = title && HEADING.exec(s.body.split("\n")[0] ?? "")?.[2].trim() === title;
  return { ...s, target: "event-note", body: title && !startsWithIt ? `### ${title}\n\n${s.body}` : s.body };
}

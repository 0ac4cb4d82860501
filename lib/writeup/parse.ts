// Markdown write-up of an event (a Jekyll/Hugo blog post, or plain Markdown) → WriteupPlan.
// Pure: the plan is shown in a preview and applied elsewhere (DESIGN.md, "Flows").
import { isValidTimeZone } from "@/lib/time/zoned";
import { readFrontMatter, splitFrontMatter, toIsoDate } from "./front-matter";
import { readWriteupText } from "./input";
import { parseMarkdown } from "./markdown";
import { eventNameFromTitle } from "./patterns";
import { planSections, type Sections } from "./sections";
import type { ParseWriteupOptions, WriteupFrontMatter, WriteupPlan } from "./types";

export { lostLines } from "./lost-lines";
export { MAX_WRITEUP_BYTES, WriteupError } from "./types";
export type { ParseWriteupOptions, WriteupEventNote, WriteupPlan, WriteupTalk } from "./types";

/** Nobody reads a thousand copies of one warning; a broken 5 MB file could produce that many. */
const MAX_WARNINGS = 50;
const FILE_DATE = /^(\d{4}-\d{2}-\d{2})(?=[-_.\s]|$)/;

/** Jekyll names posts "2016-05-17-aws-summit.md"; Hugo bundles may carry it on the folder. */
function dateFromFileName(fileName: string | undefined): string | undefined {
  const parts = (fileName ?? "").split(/[\\/]/).filter(Boolean).reverse().slice(0, 2);
  for (const part of parts) {
    const m = FILE_DATE.exec(part);
    const date = m ? toIsoDate(m[1]) : undefined;
    if (date) return date;
  }
  return undefined;
}

type EventName = { name: string; from: WriteupPlan["eventNameFrom"] };

function eventName(
  fm: WriteupFrontMatter,
  sections: Sections,
  fileName: string | undefined,
  warnings: string[],
): EventName {
  // `event` is what exportWriteup writes: exact, so a re-import does not depend on suffix rules.
  const exported = fm.extra.event;
  if (typeof exported === "string" && exported.trim()) return { name: exported.trim(), from: "export" };
  // A body that opens with "# …" names the event there, more precisely than a post title ("… write-up").
  const opening = sections.openingTitle;
  if (opening && (opening.level === 1 || !fm.title)) {
    warnings.push(
      `name-from-heading: the event name "${eventNameFromTitle(opening.text)}" is read from the heading "${opening.text}".`,
    );
    return { name: eventNameFromTitle(opening.text), from: "heading" };
  }
  if (fm.title) return { name: eventNameFromTitle(fm.title), from: "front-matter" };
  if (sections.documentTitle) {
    warnings.push(
      `name-from-heading: the event name "${eventNameFromTitle(sections.documentTitle)}" is read from the heading "${sections.documentTitle}".`,
    );
    return { name: eventNameFromTitle(sections.documentTitle), from: "heading" };
  }
  const stem = (fileName ?? "")
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(FILE_DATE, "");
  const fromFile = stem.replace(/[-_\s]+/g, " ").trim();
  if (fromFile && !/^index$/i.test(fromFile)) {
    warnings.push(`name-from-file: the post has no title; the event name "${fromFile}" comes from the file name.`);
    return { name: eventNameFromTitle(fromFile), from: "file" };
  }
  warnings.push("no-title: the post has no title; name the event in the preview.");
  return { name: "Untitled write-up", from: "none" };
}

export function parseWriteup(markdown: string | Uint8Array, options: ParseWriteupOptions = {}): WriteupPlan {
  const text = readWriteupText(markdown);
  const warnings: string[] = [];
  let timeZone = options.timeZone;
  if (timeZone && !isValidTimeZone(timeZone)) {
    warnings.push(`time-zone-unknown: "${timeZone}" is not a time zone; dates are read as written.`);
    timeZone = undefined;
  }
  const block = splitFrontMatter(text);
  const frontMatter = readFrontMatter(block, timeZone, warnings);
  const lines = text.split("\n");
  // The front matter is blanked rather than cut, so mdast line numbers are lines of the input.
  const masked = lines.map((line, i) => (i < block.bodyStartLine - 1 ? "" : line)).join("\n");
  const exported = typeof frontMatter.extra.event === "string" && typeof frontMatter.extra.timezone === "string";
  const sections = planSections(parseMarkdown(masked), lines, block.bodyStartLine, warnings, exported);
  const name = eventName(frontMatter, sections, options.fileName, warnings);
  const imageTitles = sections.talks.filter((t) => t.titleFrom === "image").length;
  if (imageTitles > 0)
    warnings.push(
      `titles-from-images: ${imageTitles} talk title(s) are read from the alt text of an image; check them.`,
    );
  const untimed = sections.talks.filter((t) => !t.startTime).length;
  if (untimed > 0)
    warnings.push(
      `times-unknown: ${untimed} talk(s) have no time in the post; they keep the post's order and their times stay unknown until you set them.`,
    );
  const date = frontMatter.date ?? dateFromFileName(options.fileName);
  if (!date) warnings.push("no-date: neither the front matter nor the file name gives a date.");
  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - MAX_WARNINGS;
    warnings.splice(MAX_WARNINGS, more, `more-warnings: ${more} more warnings are not shown.`);
  }
  return {
    frontMatter,
    event: { name: name.name, ...(date ? { date } : {}) },
    eventNameFrom: name.from,
    structure: sections.mode,
    eventNotes: sections.eventNotes,
    talks: sections.talks,
    warnings,
  };
}

// Everything in a write-up that could start a section, read from the top level of the mdast tree
// (a heading inside a list or a quote is part of its item, never a section of its own).
import type { Nodes, RootContent } from "mdast";
import { plainText } from "./markdown";
import { imageTitle, timedHeading, timedLine, type TimedTitle } from "./patterns";

export type Marker = {
  kind: "heading" | "line" | "image" | "rule";
  /** 1-based line where the title starts (for a multi-line setext heading: its last text line). */
  line: number;
  /** Last line belonging to the title (a setext underline included). */
  endLine: number;
  /** Heading depth 1–6; line-level markers (time lines, images, rules) are 7: below every heading. */
  level: number;
  text: string;
  timed?: TimedTitle;
  /** The marker line is content (an image), so it stays in the body instead of `headingSource`. */
  keepInBody?: boolean;
  /** A list item's first line: the talk's text is the item's indented continuation. */
  listItem?: boolean;
};

export type Block = { node: RootContent; start: number; end: number };

/** Only images (or linked images) and whitespace: the section is titled by a picture. */
function onlyImages(children: Nodes[]): { alt: string; url: string } | undefined {
  let found: { alt: string; url: string } | undefined;
  for (const child of children) {
    if (child.type === "text" && child.value.trim() === "") continue;
    if (child.type === "image") found ??= { alt: child.alt ?? "", url: child.url };
    else if (child.type === "link" && child.children.length > 0 && onlyImages(child.children))
      found ??= onlyImages(child.children);
    else return undefined;
  }
  return found;
}

const fileTitle = (url: string) =>
  decodeURIComponent(url.split(/[?#]/)[0].split("/").pop() ?? "").replace(/\.[a-z0-9]+$/i, "");
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

export function collectMarkers(blocks: Block[], lines: string[], warnings: string[]): Marker[] {
  const markers: Marker[] = [];
  for (const { node, start, end } of blocks) {
    if (node.type === "heading") {
      const image = onlyImages(node.children);
      let text = image ? (imageTitle(image.alt) ?? (image.alt.trim() || fileTitle(image.url))) : plainText(node).trim();
      let line = start;
      if (end > start && SETEXT_UNDERLINE.test(lines[end - 1])) {
        // "Some words\nTitle\n---": a paragraph written straight above a title. Only the last line
        // is the title; the lines above stay with the text before it.
        if (end - start > 1) {
          line = end - 1;
          text = text.split("\n").pop()!.trim();
          warnings.push(
            `setext-multiline: line ${line}: only the line right above "---"/"===" is used as the heading.`,
          );
        }
      }
      const timed = image ? undefined : timedHeading(text);
      markers.push({ kind: "heading", line, endLine: end, level: node.depth, text, timed, keepInBody: !!image });
    } else if (node.type === "paragraph") {
      const image = onlyImages(node.children);
      const title = image && imageTitle(image.alt);
      if (title) {
        markers.push({ kind: "image", line: start, endLine: start, level: 7, text: title, keepInBody: true });
        continue;
      }
      for (let n = start; n <= end; n++) {
        const timed = timedLine(lines[n - 1]);
        if (timed) markers.push({ kind: "line", line: n, endLine: n, level: 7, text: timed.title, timed });
      }
    } else if (node.type === "list") {
      for (const item of node.children) {
        const n = item.position!.start.line;
        const timed = timedLine(lines[n - 1].replace(LIST_MARKER, ""));
        if (timed)
          markers.push({ kind: "line", line: n, endLine: n, level: 7, text: timed.title, timed, listItem: true });
      }
    } else if (node.type === "thematicBreak") {
      markers.push({ kind: "rule", line: start, endLine: start, level: 7, text: "" });
    }
  }
  return markers;
}

// One Markdown reader for the importer and the exporter, so both agree on what is a heading.
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

// micromark slows down more than linearly on long inputs, and a long tight list is quadratic (a
// 400 KB list takes over a minute), so a 5 MB upload could pin the server. Large texts are parsed
// in pieces of about CHUNK characters, cut where CommonMark starts a new top-level block anyway;
// a run of RUN characters without a blank line (a huge list or paragraph) is cut at an unindented
// line, which splits that list or paragraph in two: harmless for finding sections.
const CHUNK = 24_000;
const RUN = 8_000;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_OR_TABLE_RULE = /^ {0,3}(?:=+|-+)\s*$|^\s*\|?\s*:?-+:?\s*\|/;

/** Indices of the lines that start a piece: never inside a code fence (or "# comments" in code would become headings). */
function chunkStarts(lines: string[]): number[] {
  const starts = [0];
  let size = 0;
  let run = 0;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const unindented = !fence && /^\S/.test(line);
    const exact = unindented && lines[i - 1]?.trim() === "";
    const forced = unindented && !SETEXT_OR_TABLE_RULE.test(line);
    if ((size >= CHUNK && exact) || (run >= RUN && forced) || size >= 8 * CHUNK) {
      if (!unindented) fence = undefined; // cut inside a giant code block: start afresh
      starts.push(i);
      size = 0;
      run = 0;
    }
    size += line.length + 1;
    run = line.trim() === "" ? 0 : run + line.length + 1;
    const m = FENCE.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === "")
        fence = undefined;
    } else if (m && !(m[1][0] === "`" && line.slice(m[0].length).includes("`"))) fence = m[1];
  }
  return starts;
}

/** Moves every position of a piece's tree to where the piece sits in the whole text. */
function shiftPositions(root: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
    if ("children" in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/** The mdast tree; positions are 1-based lines of `text`. Front matter must be blanked out first. */
export function parseMarkdown(text: string): Root {
  if (text.length <= 2 * CHUNK) return processor.parse(text);
  const lines = text.split("\n");
  const starts = chunkStarts(lines);
  const root: Root = { type: "root", children: [] };
  let offset = 0;
  starts.forEach((start, n) => {
    const piece = lines.slice(start, starts[n + 1] ?? lines.length).join("\n");
    const tree = processor.parse(piece);
    shiftPositions(tree, start, offset);
    for (const child of tree.children) root.children.push(child);
    offset += piece.length + 1;
  });
  return root;
}

/** Visible text of a node: emphasis and links dropped, images by their alt text, breaks as newlines. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "image":
      return node.alt ?? "";
    case "break":
      return "\n";
    case "html":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(plainText).join("") : "";
  }
}

/** Drops blank lines at both ends; blank lines inside are the author's and stay. */
export function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;
  return lines.slice(start, end);
}

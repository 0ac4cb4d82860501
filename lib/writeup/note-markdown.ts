// Making a note's Markdown safe to embed in a bigger post without changing how it reads: its
// headings go below the talk heading (or they would end the talk on re-import), an unclosed code
// fence is closed (or it would swallow the rest of the post), and plain text is escaped.
import { parseMarkdown, trimBlankLines } from "./markdown";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Moves the note's top-level headings down so the shallowest is `minLevel` (capped at 6); setext
 * headings become ATX ones, as a setext heading has no level below 2. Deep enough notes are unchanged.
 */
export function shiftHeadings(body: string, minLevel: number): string {
  const lines = body.split("\n");
  const headings = parseMarkdown(body).children.flatMap((node) => (node.type === "heading" ? [node] : []));
  const shallowest = headings.reduce((min, h) => Math.min(min, h.depth), 7);
  if (shallowest >= minLevel) return body;
  const delta = minLevel - shallowest;
  for (const h of [...headings].reverse()) {
    const start = h.position!.start.line - 1;
    const end = h.position!.end.line - 1;
    const hashes = "#".repeat(Math.min(6, h.depth + delta));
    if (end > start) {
      // setext: the text lines above the underline, joined (an ATX heading is one line)
      const text = lines
        .slice(start, end)
        .map((l) => l.trim())
        .join(" ");
      lines.splice(start, end - start + 1, `${hashes} ${text}`);
    } else {
      lines[start] = lines[start].replace(/^( {0,3})#{1,6}/, `$1${hashes}`);
    }
  }
  return lines.join("\n");
}

/** Closes a fenced code block left open at the end of the note. */
export function closeOpenFence(body: string): string {
  const last = parseMarkdown(body).children.at(-1);
  if (last?.type !== "code") return body;
  const lines = body.split("\n");
  const open = FENCE.exec(lines[last.position!.start.line - 1] ?? "");
  if (!open) return body; // indented code: nothing to close
  const closing = new RegExp(`^ {0,3}${open[1][0]}{${open[1].length},}\\s*$`);
  const end = last.position!.end.line - 1;
  return end > last.position!.start.line - 1 && closing.test(lines[end]) ? body : `${body}\n${open[1]}`;
}

/** A note body ready to sit under a heading of level `minLevel - 1`. */
export function embeddableNote(body: string, minLevel: number): string {
  const trimmed = trimBlankLines(body.split("\n")).join("\n");
  return closeOpenFence(shiftHeadings(trimmed, minLevel));
}

/** Plain text (a title, a name) as Markdown that reads back as the same text, on one line. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>&~#]/g, "\\$&");
}

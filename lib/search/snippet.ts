// Snippets with highlight ranges, computed on plain text in TypeScript. The caller renders the
// ranges (e.g. as <mark>) with React's escaping: nothing here produces HTML.
import type { Snippet } from "./types";

export type Range = [number, number];

export const SNIPPET_CHARS = 180;
const LEAD_CHARS = 40; // context kept before the first match
const WORD_SNAP_CHARS = 16; // how far a cut may move to land on a space
const ELLIPSIS = "…";

/** Markdown is shown as one line of text: runs of whitespace (newlines too) become one space. */
export function flattenWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Markdown markup a reader does not want to see in a one-line snippet: emphasis and code marks,
 * heading hashes, list and quote markers, link and image syntax (their text stays); each span is bounded, so hostile text stays linear. Run before
 * flattenWhitespace, since markers are found at line starts.
 */
export function stripMarkdown(text: string): string {
  return (
    text
      .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)/gm, "")
      .replace(/!?\[([^\]\n]{0,200})\]\([^)\s]{0,500}\)/g, "$1")
      .replace(/(\*\*|__|~~)(?=\S)([^\n]{0,200}?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=\S)([^*\n]{0,200}?\S)\*(?![\w*])/g, "$1$2")
      .replace(/(^|[^\w_])_(?=\S)([^_\n]{0,200}?\S)_(?![\w_])/g, "$1$2")
      .replace(/`([^`\n]{1,200})`/g, "$1")
      // Unpaired leftovers (a bold run longer than the limits above) are dropped too.
      .replace(/\*\*|__/g, "")
  );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Every case-insensitive occurrence of any needle, as [start, end) in UTF-16 code units. */
export function findLiteralRanges(text: string, needles: string[]): Range[] {
  const ranges: Range[] = [];
  for (const needle of new Set(needles.filter(Boolean))) {
    for (const m of text.matchAll(new RegExp(escapeRegExp(needle), "giu")))
      ranges.push([m.index, m.index + m[0].length]);
  }
  return mergeRanges(ranges);
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const isLowSurrogate = (text: string, i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]);

/** Moves a cut forward (or back) to the nearest space within reach, never inside a surrogate pair. */
function snap(text: string, at: number, direction: 1 | -1): number {
  for (let i = 0; i <= WORD_SNAP_CHARS; i++) {
    const pos = at + i * direction;
    if (pos <= 0 || pos >= text.length) break;
    if (text[pos] === " ") return direction === 1 ? pos + 1 : pos;
  }
  return isLowSurrogate(text, at) ? at + direction : at;
}

/**
 * A window of about `maxChars` around the first match (the start of the text when nothing matched),
 * with "…" where it was cut, and the match ranges that fall inside it, shifted to the window.
 */
export function makeSnippet(text: string, ranges: Range[], maxChars = SNIPPET_CHARS): Snippet {
  if (text.length <= maxChars) return { text, highlights: ranges.map(([s, e]) => [s, e] as Range) };
  const anchor = ranges[0]?.[0] ?? 0;
  let start = anchor > LEAD_CHARS ? snap(text, anchor - LEAD_CHARS, 1) : 0;
  if (start > anchor) start = anchor;
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const snapped = snap(text, end, -1);
    end = snapped > anchor ? snapped : end;
    if (isLowSurrogate(text, end)) end--;
  }
  const prefix = start > 0 ? ELLIPSIS : "";
  const suffix = end < text.length ? ELLIPSIS : "";
  const highlights: Range[] = [];
  for (const [s, e] of ranges) {
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (to > from) highlights.push([from - start + prefix.length, to - start + prefix.length]);
  }
  return { text: prefix + text.slice(start, end) + suffix, highlights };
}

// The importer's promise, as a check: every non-empty line of the body is in the plan, in order.
import { splitFrontMatter } from "./front-matter";
import { readWriteupText } from "./input";
import type { WriteupPlan } from "./types";

/** The plan's text in source order: heading lines that became titles, then each body. */
export function planLines(plan: WriteupPlan): string[] {
  return [...plan.eventNotes, ...plan.talks]
    .sort((a, b) => a.sourceStartLine - b.sourceStartLine)
    .flatMap((piece) => [...(piece.headingSource?.split("\n") ?? []), ...piece.body.split("\n")]);
}

/**
 * Non-empty body lines of `source` missing from the plan (or found only out of order). Lines are
 * compared without surrounding whitespace: a talk written as a list item is dedented.
 */
export function lostLines(source: string | Uint8Array, plan: WriteupPlan): string[] {
  const text = readWriteupText(source);
  const { bodyStartLine } = splitFrontMatter(text);
  const wanted = text
    .split("\n")
    .slice(bodyStartLine - 1)
    .map((l) => l.trim())
    .filter(Boolean);
  // Where each distinct line occurs in the plan, so the in-order search stays O(n log n).
  const where = new Map<string, number[]>();
  planLines(plan)
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const list = where.get(line);
      if (list) list.push(i);
      else where.set(line, [i]);
    });
  const lost: string[] = [];
  let at = 0;
  for (const line of wanted) {
    const list = where.get(line) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo === list.length) lost.push(line);
    else at = list[lo] + 1;
  }
  return lost;
}

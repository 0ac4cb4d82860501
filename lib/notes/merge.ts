import { diff3Merge } from "node-diff3";
import { diffLines } from "diff";

/**
 * A merge proposal that drops nothing: lines common to both stay once, lines only in one text are
 * kept in place (server's first, then this device's, where they differ at the same spot). The
 * fallback when the text both sides started from is unknown (a draft stored before it was kept).
 */
export function mergeTexts(server: string, local: string): string {
  if (server === local) return local;
  const parts = diffLines(server.endsWith("\n") ? server : server + "\n", local.endsWith("\n") ? local : local + "\n");
  const merged = parts.map((p) => p.value).join("");
  return merged.replace(/\n$/, "");
}

export type MergeLabels = { mine: string; theirs: string };
export type ThreeWayMerge = { text: string; clashes: number };

export const CLASH_START = "<<<<<<<";
export const CLASH_SPLIT = "=======";
export const CLASH_END = ">>>>>>>";

/**
 * A line-based three-way merge (diff3) of two texts that both started from `base`: changes to
 * different lines are combined silently; lines added at the same spot on both sides are all kept
 * (theirs first); the same lines changed differently on both sides are a clash, written with both
 * sides between markers so nothing is lost and the clash is easy to find. Without a base, falls
 * back to the line union of mergeTexts.
 */
export function mergeThreeWay(
  base: string | null | undefined,
  theirs: string,
  mine: string,
  labels: MergeLabels = { mine: "this device", theirs: "saved version" },
): ThreeWayMerge {
  if (theirs === mine) return { text: mine, clashes: 0 };
  if (base == null) return { text: mergeTexts(theirs, mine), clashes: 0 };
  if (base === theirs) return { text: mine, clashes: 0 };
  if (base === mine) return { text: theirs, clashes: 0 };
  const lines = (s: string) => s.split("\n");
  const out: string[] = [];
  let clashes = 0;
  for (const region of diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) {
      out.push(...region.ok);
      continue;
    }
    const c = region.conflict!;
    const oursOnly = c.a;
    const theirsOnly = c.b;
    if (c.o.length === 0) {
      // Both sides only added lines here: keep both, the saved version's first.
      out.push(...theirsOnly, ...oursOnly);
      continue;
    }
    clashes++;
    out.push(`${CLASH_START} ${labels.mine}`, ...oursOnly, CLASH_SPLIT, ...theirsOnly, `${CLASH_END} ${labels.theirs}`);
  }
  return { text: out.join("\n"), clashes };
}

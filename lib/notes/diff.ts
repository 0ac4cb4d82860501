import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Word-level differences between two versions of a note, for the history view. */
export function diffNotes(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((p) => ({
    kind: p.added ? "added" : p.removed ? "removed" : "same",
    text: p.value,
  }));
}

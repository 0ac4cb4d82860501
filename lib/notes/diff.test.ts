import { describe, expect, it } from "vitest";
import { diffNotes } from "./diff";

describe("diffNotes", () => {
  it("marks added and removed words, Korean included", () => {
    const parts = diffNotes("람다는 빠르다", "람다는 정말 빠르다");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["정말"]);
    expect(parts.filter((p) => p.kind === "removed")).toEqual([]);
    expect(diffNotes("a b", "a").some((p) => p.kind === "removed" && p.text.includes("b"))).toBe(true);
  });
});

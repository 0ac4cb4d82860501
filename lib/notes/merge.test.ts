import { describe, expect, it } from "vitest";
import { mergeTexts } from "./merge";

describe("mergeTexts", () => {
  it("keeps every line of both texts, common lines once", () => {
    const server = "intro\nserver line\nend";
    const local = "intro\nlocal line\nend";
    const merged = mergeTexts(server, local);
    expect(merged.split("\n")).toEqual(["intro", "server line", "local line", "end"]);
  });
  it("keeps appended text from both sides", () => {
    expect(mergeTexts("a\nb\nc", "a\nb\nd\ne")).toBe("a\nb\nc\nd\ne");
  });
  it("is the identity for equal texts", () => {
    expect(mergeTexts("same", "same")).toBe("same");
  });
});

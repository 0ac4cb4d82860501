import { describe, expect, it } from "vitest";
import { mergeTexts, mergeThreeWay } from "./merge";

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

describe("mergeThreeWay", () => {
  it("merges changes to different lines silently", () => {
    const base = "one\ntwo\nthree";
    expect(mergeThreeWay(base, "ONE\ntwo\nthree", "one\ntwo\nTHREE")).toEqual({ text: "ONE\ntwo\nTHREE", clashes: 0 });
  });
  it("keeps lines both sides added at the same spot, the saved version's first", () => {
    expect(mergeThreeWay("Alpha line", "Alpha line\nA adds", "Alpha line\nB adds")).toEqual({
      text: "Alpha line\nA adds\nB adds",
      clashes: 0,
    });
  });
  it("marks a true clash with both sides, dropping nothing and not repeating the original", () => {
    const { text, clashes } = mergeThreeWay(
      "intro\nthe line\nend",
      "intro\nthe line, theirs\nend",
      "intro\nthe line, mine\nend",
      { mine: "this device", theirs: "saved v3" },
    );
    expect(clashes).toBe(1);
    expect(text.split("\n")).toEqual([
      "intro",
      "<<<<<<< this device",
      "the line, mine",
      "=======",
      "the line, theirs",
      ">>>>>>> saved v3",
      "end",
    ]);
  });
  it("takes one side when the other did not change", () => {
    expect(mergeThreeWay("a", "a", "a b").text).toBe("a b");
    expect(mergeThreeWay("a", "a c", "a").text).toBe("a c");
  });
  it("falls back to the line union without a base", () => {
    expect(mergeThreeWay(null, "a\nb\nc", "a\nb\nd\ne").text).toBe("a\nb\nc\nd\ne");
  });
  it("an identical edit on both sides is no clash", () => {
    expect(mergeThreeWay("x\ny", "x\nz", "x\nz")).toEqual({ text: "x\nz", clashes: 0 });
    expect(mergeThreeWay("x\ny\nw", "x\nz\nw\nmore", "x\nz\nw")).toEqual({ text: "x\nz\nw\nmore", clashes: 0 });
  });
});

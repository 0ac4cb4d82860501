import { describe, expect, it } from "vitest";
import { yamlNestingDepth } from "./bounded-yaml";

describe("yamlNestingDepth", () => {
  it("measures ordinary front matter as shallow", () => {
    const fm = [
      'title: "AWS Summit [Seoul] {2016}"',
      "tags: [lambda, 'it''s', \"a [b\"]",
      "authors:",
      "  - name: A",
      "    links: {x: [1, 2]}",
      "# a comment with [[[[",
      "note: it's [fine]",
    ].join("\n");
    expect(yamlNestingDepth(fm)).toBe(2); // indentation is not counted: its depth costs bytes quadratically
  });

  it("counts flow brackets, indicator runs and their mix", () => {
    expect(yamlNestingDepth(`x: ${"[".repeat(50)}${"]".repeat(50)}`)).toBe(50);
    expect(yamlNestingDepth(`${"- ".repeat(40)}x`)).toBe(40);
    expect(yamlNestingDepth(`${"? ".repeat(10)}${"{a: ".repeat(5)}`)).toBe(15);
  });

  it("a quote in the middle of a plain scalar does not hide brackets after it", () => {
    expect(yamlNestingDepth(`x: [a'b, ${"[".repeat(40)}]`)).toBeGreaterThan(40);
    expect(yamlNestingDepth(`x: it's\ny: ${"[".repeat(40)}`)).toBe(40);
    expect(yamlNestingDepth(`x: a:'b ${"[".repeat(40)}`)).toBe(40);
  });

  it("stops early once past the limit (a megabyte of brackets is answered at once)", () => {
    expect(yamlNestingDepth("[".repeat(1_000_000), 32)).toBe(33);
  });
});

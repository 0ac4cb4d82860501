import { describe, expect, it } from "vitest";
import { xmlShapeProblem } from "./bounded-xml";

const limits = { maxDepth: 8, maxAttributes: 4 };
const cpuMs = (run: () => unknown) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

describe("xmlShapeProblem", () => {
  it("passes ordinary schedules: comments, CDATA, processing instructions, quoted '>' and '=' do not count", () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<!-- <a><a><a><a><a><a><a><a><a> -->",
      '<schedule><day date="2024-05-16" index="1"><room name="a>b=c"><event guid="x" id=\'1\'>',
      "<title><![CDATA[<a><a><a><a><a><a><a><a><a> x=1 y=2 z=3 w=4 v=5]]></title><br/><br/><br/><br/><br/><br/><br/><br/><br/>",
      "</event></room></day></schedule>",
    ].join("\n");
    expect(xmlShapeProblem(xml, limits)).toBeNull();
  });

  it("finds nesting past the limit, with the line", () => {
    expect(xmlShapeProblem(`<s>\n${"<a>".repeat(8)}</a>`, limits)).toEqual({ kind: "depth", limit: 8, line: 2 });
    expect(xmlShapeProblem(`<s>${"<a>".repeat(7)}${"</a>".repeat(7)}</s>`, limits)).toBeNull();
  });

  it("finds an element with too many attributes", () => {
    expect(xmlShapeProblem('<s>\n\n<e a="1" b="2" c="3" d="4" e="5"/></s>', limits)).toEqual({
      kind: "attributes",
      limit: 4,
      line: 3,
    });
  });

  it("answers a million levels or 200,000 attributes in linear time", () => {
    const deep = `${"<a>".repeat(1_000_000)}${"</a>".repeat(1_000_000)}`;
    const wide = `<s ${Array.from({ length: 200_000 }, (_, i) => `a${i}="1"`).join(" ")}/>`;
    const big = { maxDepth: 64, maxAttributes: 64 };
    expect(cpuMs(() => expect(xmlShapeProblem(deep, big)?.kind).toBe("depth"))).toBeLessThan(200);
    expect(cpuMs(() => expect(xmlShapeProblem(wide, big)?.kind).toBe("attributes"))).toBeLessThan(200);
    // Unclosed quotes or tags end the scan instead of looping.
    expect(xmlShapeProblem('<a b="never closed', big)).toBeNull();
    expect(xmlShapeProblem("<a <a <a", big)).toBeNull();
  });
});

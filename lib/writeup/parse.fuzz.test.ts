// Property-based fuzzing of the write-up importer (parseWriteup): Markdown assembled from the real
// write-ups' lines, hostile strings and random text, with and without front matter, as text or
// bytes. It returns a plan or throws a WriteupError (the importer's validation boundary: refused
// as a whole, with a message), nothing else, and the plan keeps every line of the text.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WRITEUP_FIXTURES } from "../testing/fixtures";
import { hostileStrings } from "../testing/hostile-inputs";
import { lostLines, parseWriteup, WriteupError } from "./parse";

const dir = WRITEUP_FIXTURES;
const realLines = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n"))
  .filter((l) => l.trim() !== "");
const hostile = hostileStrings({ oversized: false });

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...realLines) },
  { weight: 2, arbitrary: fc.constantFrom(...hostile) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "---",
      "+++",
      "## 강연 트랙",
      "### 10:00 ~ 10:40 Lambda",
      "- 람다",
      "```",
      "| a | b |",
      "# ",
      "title: x",
      "date: 2016-13-45",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);
const frontMatter = fc.oneof(
  fc.constant(""),
  fc.constant("---\ntitle: AWS Summit 2016 후기\ndate: 2016-05-17\n---\n"),
  fc.constant('+++\ntitle = "Summit"\ndate = 2016-05-17\n+++\n'),
  fc
    .tuple(fc.constantFrom("---", "+++"), fc.array(line, { maxLength: 5 }))
    .map(([fence, ls]) => `${fence}\n${ls.join("\n")}\n${fence}\n`),
  fc.constantFrom(...hostile).map((h) => `---\ntitle: ${h}\n---\n`),
);
const document = fc
  .tuple(frontMatter, fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"))
  .map(([fm, ls, eol]) => (fm + ls.join("\n")).replace(/\n/g, eol));

function parseOrRefuse(input: string | Uint8Array, options: Parameters<typeof parseWriteup>[1]) {
  try {
    return parseWriteup(input, options);
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(WriteupError);
    return null;
  }
}

describe("parseWriteup under fuzzing", () => {
  it("plans or refuses with a WriteupError; a plan keeps every line", () => {
    fc.assert(
      fc.property(
        document,
        fc.constantFrom(undefined, "Asia/Seoul", "Not/AZone"),
        fc.constantFrom(undefined, "2016-05-17-summit.md", "<script>.md"),
        (text, timeZone, fileName) => {
          const plan = parseOrRefuse(text, { timeZone, fileName });
          if (plan) {
            expect(Array.isArray(plan.talks)).toBe(true);
            expect(Array.isArray(plan.warnings)).toBe(true);
            expect(lostLines(text, plan)).toEqual([]);
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it("random bytes (invalid UTF-8, binary, BOMs) are refused or planned, never crash", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom(new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe])),
        (bytes, prefix) => {
          parseOrRefuse(new Uint8Array([...prefix, ...bytes]), {});
        },
      ),
      { numRuns: 250 },
    );
  });
});

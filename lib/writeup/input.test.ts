// Inputs that cannot be planned: each is refused with a WriteupError and a code the UI can show.
import { describe, expect, it } from "vitest";
import { MAX_WRITEUP_BYTES, parseWriteup, WriteupError } from "./parse";
import { parseToml } from "./toml";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(WriteupError);
    return (e as WriteupError).code;
  }
  return undefined;
}

describe("refused inputs", () => {
  it("refuses binary files (NUL bytes), in bytes or in a string", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(codeOf(() => parseWriteup(png))).toBe("NOT_TEXT");
    expect(codeOf(() => parseWriteup(Buffer.from("\uFEFFtitle", "utf16le")))).toBe("NOT_TEXT");
    expect(codeOf(() => parseWriteup("# A\u0000B"))).toBe("NOT_TEXT");
  });

  it("refuses more than 256 KB before decoding or parsing it", () => {
    expect(MAX_WRITEUP_BYTES).toBe(256 * 1024);
    const tenMb = Buffer.alloc(10 * 1024 * 1024, "a");
    expect(codeOf(() => parseWriteup(tenMb))).toBe("TOO_LARGE");
    expect(codeOf(() => parseWriteup(tenMb.toString("utf8")))).toBe("TOO_LARGE");
    // Hangul is 3 bytes in UTF-8: 100 k characters are 300 KB even though the string is shorter
    expect(codeOf(() => parseWriteup("가".repeat(100_000)))).toBe("TOO_LARGE");
    expect(codeOf(() => parseWriteup("가".repeat(80_000)))).toBeUndefined();
  });

  it("refuses invalid UTF-8 (e.g. a CP949 file)", () => {
    expect(codeOf(() => parseWriteup(new Uint8Array([0x68, 0xc3, 0x28])))).toBe("INVALID_UTF8");
    expect(codeOf(() => parseWriteup(new Uint8Array([0xc8, 0xc4, 0xb1, 0xe2])))).toBe("INVALID_UTF8"); // "후기" in CP949
  });

  it("refuses empty input", () => {
    expect(codeOf(() => parseWriteup(""))).toBe("EMPTY");
    expect(codeOf(() => parseWriteup(new Uint8Array([0x20, 0x0a, 0x0a])))).toBe("EMPTY");
  });

  it("refuses front matter that is not valid YAML or TOML, or not key/value pairs", () => {
    expect(codeOf(() => parseWriteup('---\ntitle: "AWS Summit\ndate: [2016\n---\nbody'))).toBe("INVALID_FRONT_MATTER");
    expect(codeOf(() => parseWriteup("---\ntitle: a: b: c\n---\nbody"))).toBe("INVALID_FRONT_MATTER");
    expect(codeOf(() => parseWriteup("---\ntitle: x\n\n본문만 있고 닫는 줄이 없다"))).toBe("INVALID_FRONT_MATTER");
    expect(codeOf(() => parseWriteup('+++\ntitle = "unclosed\n+++\nbody'))).toBe("INVALID_FRONT_MATTER");
    expect(codeOf(() => parseWriteup("+++\ntitle = \n+++\nbody"))).toBe("INVALID_FRONT_MATTER");
    expect(codeOf(() => parseWriteup("---\ntitle: \"a\"\n---\n"))).toBeUndefined(); // front matter only is fine
  });

  it("accepts UTF-8 bytes with a BOM and CRLF line ends", () => {
    const bytes = new TextEncoder().encode("\uFEFF---\r\ntitle: 후기 테스트\r\n---\r\n본문\r\n");
    const plan = parseWriteup(bytes);
    expect(plan.frontMatter.title).toBe("후기 테스트");
    expect(plan.eventNotes).toEqual([{ sourceStartLine: 4, body: "본문" }]);
  });

  it("reads duplicate YAML keys as Jekyll does (the last one wins) and odd values with a warning", () => {
    const plan = parseWriteup("---\ntitle: a\ntitle: b\ndate: someday\ntags: [1, x, {a: 1}]\n---\nx");
    expect(plan.frontMatter).toMatchObject({ title: "b", tags: ["1", "x"] });
    expect(plan.frontMatter.date).toBeUndefined();
    expect(plan.warnings.some((w) => w.startsWith("date-unreadable:"))).toBe(true);
  });
});

describe("parseToml (the subset Hugo front matter uses)", () => {
  it("reads strings, numbers, booleans, dates, arrays, inline tables and tables", () => {
    const toml = [
      'title = "AWS \\"Summit\\" \\u00e9"',
      "lit = 'C:\\path'",
      'multi = """',
      "line 1",
      'line 2"""',
      "n = 1_000",
      "f = -3.5e2",
      "hex = 0xff",
      "yes = true",
      "when = 2023-05-03T10:00:00+09:00",
      "day = 2023-05-03",
      "nested = [[1, 2], ['a']]",
      'point = { x = 1, "y z" = "w" }',
      "site.name = 'blog'",
      "[params.social]",
      "  twitter = 'aws'",
      "[[authors]]",
      "name = 'A'",
      "[[authors]]",
      "name = 'B' # comment",
    ].join("\n");
    expect(parseToml(toml)).toEqual({
      title: 'AWS "Summit" é',
      lit: "C:\\path",
      multi: "line 1\nline 2",
      n: 1000,
      f: -350,
      hex: 255,
      yes: true,
      when: "2023-05-03T10:00:00+09:00",
      day: "2023-05-03",
      nested: [[1, 2], ["a"]],
      point: { x: 1, "y z": "w" },
      site: { name: "blog" },
      params: { social: { twitter: "aws" } },
      authors: [{ name: "A" }, { name: "B" }],
    });
  });

  it("throws on what is not TOML", () => {
    for (const bad of ["a = ", "a = 1\na = 2", "a 1", 'a = "x', "a = [1, 2", "a = 1 2", "[t\nx = 1"]) {
      expect(() => parseToml(bad), bad).toThrow(/TOML/);
    }
  });
});

// Inputs that cannot be planned: each is refused with a WriteupError and a code the UI can show.
import { describe, expect, it } from "vitest";
import { readWriteupText } from "./input";
import { MAX_WRITEUP_BYTES, parseWriteup, WriteupError } from "./parse";

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

  it("refuses more than 1 MB before decoding or parsing it", () => {
    expect(MAX_WRITEUP_BYTES).toBe(1024 * 1024);
    const tenMb = Buffer.alloc(10 * 1024 * 1024, "a");
    expect(codeOf(() => parseWriteup(tenMb))).toBe("TOO_LARGE");
    expect(codeOf(() => parseWriteup(tenMb.toString("utf8")))).toBe("TOO_LARGE");
    // Hangul is 3 bytes in UTF-8: 400 k characters are 1.2 MB even though the string is shorter
    expect(codeOf(() => parseWriteup("가".repeat(400_000)))).toBe("TOO_LARGE");
    expect(codeOf(() => readWriteupText("가".repeat(340_000)))).toBeUndefined();
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
    expect(codeOf(() => parseWriteup('---\ntitle: "a"\n---\n'))).toBeUndefined(); // front matter only is fine
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

/** Hugo's `+++` front matter, read by smol-toml: the keys the importer does not know land in `extra`. */
const tomlExtra = (toml: string) => parseWriteup(`+++\n${toml}\n+++\nbody`).frontMatter.extra;

describe("TOML front matter (smol-toml)", () => {
  it("reads strings, numbers, booleans, dates (as written), arrays, inline tables and tables", () => {
    const toml = [
      'name = "AWS \\"Summit\\" \\u00e9"',
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
    expect(tomlExtra(toml)).toEqual({
      name: 'AWS "Summit" é',
      lit: "C:\\path",
      multi: "line 1\nline 2",
      n: 1000,
      f: -350,
      hex: 255,
      yes: true,
      when: "2023-05-03T10:00:00.000+09:00",
      day: "2023-05-03",
      nested: [[1, 2], ["a"]],
      point: { x: 1, "y z": "w" },
      site: { name: "blog" },
      params: { social: { twitter: "aws" } },
      authors: [{ name: "A" }, { name: "B" }],
    });
  });

  it("refuses what is not TOML", () => {
    for (const bad of ["a = ", "a = 1\na = 2", "a = 1\nb", 'a = "x', "a = [1, 2", "a = 1 2", "[t\nx = 1"]) {
      expect(
        codeOf(() => parseWriteup(`+++\n${bad}\n+++\nbody`)),
        bad,
      ).toBe("INVALID_FRONT_MATTER");
    }
  });
});

describe("hostile front matter", () => {
  const polluted = () => ({}) as Record<string, unknown>;

  it("__proto__ / constructor / prototype keys reach no object (TOML tables, dotted keys, arrays of tables; YAML maps)", () => {
    const posts = [
      "+++\n[__proto__]\npolluted = 1\n+++\n# T",
      "+++\na.__proto__.b = 1\n+++\n# T",
      "+++\n[constructor.prototype]\npolluted = 1\n[[__proto__.list]]\nx = 1\n+++\n# T",
      "+++\nx = { __proto__ = { polluted = 1 }, constructor = 2 }\n+++\n# T",
      "---\n__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    polluted: 1\nlist:\n  - __proto__: {polluted: 1}\n---\n# T",
    ];
    for (const post of posts) {
      const { extra } = parseWriteup(post).frontMatter;
      expect(JSON.stringify(extra), post).not.toMatch(/__proto__|constructor|prototype|polluted/);
      // A later merge of the parsed data (as an export or a settings copy would do) changes no prototype.
      Object.assign({}, extra, ...Object.values(extra).filter((v) => typeof v === "object"));
      expect(polluted().polluted, post).toBeUndefined();
      expect(polluted().b, post).toBeUndefined();
    }
  });

  it("a YAML alias bomb (billion laughs) is refused as invalid front matter, not expanded", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    expect(codeOf(() => parseWriteup(`---\n${levels.join("\n")}\n---\n# Bomb`))).toBe("INVALID_FRONT_MATTER");
    // A few aliases are ordinary YAML.
    expect(parseWriteup("---\nbase: &b [x]\ncopy: *b\n---\n# T").frontMatter.extra).toEqual({
      base: ["x"],
      copy: ["x"],
    });
  });

  it("front matter nested hundreds of thousands deep is refused, not a stack overflow", () => {
    const depth = 200_000;
    expect(codeOf(() => parseWriteup(`---\nx: ${"[".repeat(depth)}${"]".repeat(depth)}\n---\n# T`))).toBe(
      "INVALID_FRONT_MATTER",
    );
    expect(codeOf(() => parseWriteup(`+++\nx = ${"[".repeat(depth)}${"]".repeat(depth)}\n+++\n# T`))).toBe(
      "INVALID_FRONT_MATTER",
    );
    expect(codeOf(() => parseWriteup(`+++\n${"a.".repeat(50_000)}b = 1\n+++\n# T`))).toBe("INVALID_FRONT_MATTER");
  });
});

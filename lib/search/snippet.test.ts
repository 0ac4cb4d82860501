import { describe, expect, it } from "vitest";
import { loadAwsCatalog } from "../catalog/aws-catalog";
import { buildSearchCatalog } from "./catalog";
import { confirmedMentionRanges } from "./mentions";
import { findLiteralRanges, flattenWhitespace, makeSnippet, mergeRanges, stripMarkdown } from "./snippet";

const sliced = (s: { text: string; highlights: [number, number][] }) =>
  s.highlights.map(([a, b]) => s.text.slice(a, b));

describe("findLiteralRanges", () => {
  it("finds every case-insensitive occurrence, regex characters included, and merges overlaps", () => {
    const text = "Lambda와 lambda, (a+b)* 그리고 AWS Lambda";
    expect(findLiteralRanges(text, ["LAMBDA", "(a+b)*", "AWS Lambda"]).map(([s, e]) => text.slice(s, e))).toEqual([
      "Lambda",
      "lambda",
      "(a+b)*",
      "AWS Lambda",
    ]);
    expect(
      mergeRanges([
        [5, 8],
        [0, 2],
        [2, 4],
        [6, 7],
      ]),
    ).toEqual([
      [0, 4],
      [5, 8],
    ]);
  });
});

describe("makeSnippet", () => {
  it("returns short texts whole with their ranges", () => {
    const text = flattenWhitespace("람다와\n\n다이나모DB");
    expect(text).toBe("람다와 다이나모DB");
    expect(sliced(makeSnippet(text, findLiteralRanges(text, ["이나모"])))).toEqual(["이나모"]);
  });

  it("cuts a window around the first match with ellipses, and shifts the ranges into it", () => {
    const text = `${"앞부분 문장입니다. ".repeat(30)}여기서 Lambda cold start 이야기 ${"뒷부분 문장입니다. ".repeat(30)}`;
    const snippet = makeSnippet(text, findLiteralRanges(text, ["cold start", "Lambda"]), 120);
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(122);
    expect(sliced(snippet)).toEqual(["Lambda", "cold start"]);
  });

  it("starts at the beginning when nothing matched, and never splits a surrogate pair", () => {
    const text = "😀".repeat(200);
    const snippet = makeSnippet(text, [], 51);
    expect(snippet.highlights).toEqual([]);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect([...snippet.text.slice(0, -1)].every((ch) => ch === "😀")).toBe(true);
    const late = makeSnippet(text, [[300, 302]], 51);
    expect(sliced(late)).toEqual(["😀"]);
    expect(/^…(😀)+…$/u.test(late.text)).toBe(true);
  });

  it("clips a match that crosses the end of the window", () => {
    const text = `${"가".repeat(100)} ${"나".repeat(100)}`;
    const snippet = makeSnippet(text, [[95, 105]], 100);
    expect(snippet.highlights.every(([s, e]) => e > s && e <= snippet.text.length)).toBe(true);
  });
});

describe("confirmedMentionRanges", () => {
  const catalog = buildSearchCatalog(
    loadAwsCatalog().map((s) => ({
      ...s,
      id: `id-${s.slug}`,
      aliases: s.aliases.map((a) => ({ alias: a.alias, locale: a.locale })),
    })),
  );
  const confirmed = (text: string, slug: string, alias: string) =>
    confirmedMentionRanges(catalog.mentionMatcher(slug), text, slug, alias).map(([s, e]) => text.slice(s, e));

  it("accepts a short alias followed by particles and refuses it inside another word", () => {
    expect(confirmed("람다와 람다식, 아마존람다를 썼다", "lambda", "람다")).toEqual(["람다", "람다"]);
    expect(confirmed("IAM 폴리시와 Polly, 폴리로 음성 합성", "polly", "폴리")).toEqual(["폴리"]);
  });

  it("judges each occurrence on its own: a real mention nearby does not vouch for a false one", () => {
    expect(confirmed("Lambda 람다식", "lambda", "람다")).toEqual([]);
  });

  it("follows the longest-match rule (S3 Glacier is Glacier, not S3)", () => {
    expect(confirmed("S3 Glacier로 옮기고 S3에는 최근 것만", "s3", "S3")).toEqual(["S3"]);
    expect(confirmed("S3 Glacier로 옮기고 S3에는 최근 것만", "s3", "S3").length).toBe(1);
  });
});

describe("stripMarkdown", () => {
  it("drops emphasis, headings, list markers, links and code marks, keeping the words", () => {
    expect(
      flattenWhitespace(
        stripMarkdown(
          "## 람다 요약\n- **Lambda** cold start\n- _fast_ and `code` and [docs](https://example.com)\n1. snake_case_name",
        ),
      ),
    ).toBe("람다 요약 Lambda cold start fast and code and docs snake_case_name");
  });
  it("stays fast on hostile text", () => {
    const start = performance.now();
    stripMarkdown("**a ".repeat(30_000) + "_b ".repeat(30_000));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

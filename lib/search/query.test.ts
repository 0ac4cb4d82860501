import { describe, expect, it } from "vitest";
import { loadAwsCatalog } from "../catalog/aws-catalog";
import { buildSearchCatalog } from "./catalog";
import { isAmbiguousTerm, MAX_GROUPS, planQuery, pruneAlternatives, tokenizeQuery } from "./query";

const catalog = buildSearchCatalog(
  loadAwsCatalog().map((s) => ({
    ...s,
    id: `id-${s.slug}`,
    aliases: s.aliases.map((a) => ({ alias: a.alias, locale: a.locale })),
  })),
);
const plan = (q: string) =>
  planQuery(q, catalog.resolve).groups.map((g) => ({
    slug: g.serviceSlug,
    alts: g.alternatives.map((a) => a.text + (a.needsMentionCheck ? "?" : "")),
  }));

describe("tokenizeQuery", () => {
  it("keeps balanced quotes as phrases and everything else as literal words", () => {
    expect(tokenizeQuery(' "cold  start" 람다 ')).toEqual([
      { text: "cold start", quoted: true },
      { text: "람다", quoted: false },
    ]);
    expect(tokenizeQuery('NEAR( a"b *')).toEqual([
      { text: "NEAR(", quoted: false },
      { text: 'a"b', quoted: false },
      { text: "*", quoted: false },
    ]);
    expect(tokenizeQuery('" x')).toEqual([
      { text: '"', quoted: false },
      { text: "x", quoted: false },
    ]);
    expect(tokenizeQuery('say "a b')).toEqual([
      { text: "say", quoted: false },
      { text: '"a', quoted: false },
      { text: "b", quoted: false },
    ]);
    expect(tokenizeQuery('""')).toEqual([]);
  });
  it("normalises to NFC so decomposed Hangul (macOS input) matches stored text", () => {
    expect(tokenizeQuery("람다".normalize("NFD"))[0].text).toBe("람다");
  });
});

describe("planQuery", () => {
  it("expands a service word into its names and aliases, checking only short aliases the user did not type", () => {
    expect(plan("람다")).toEqual([{ slug: "lambda", alts: ["람다", "Lambda"] }]);
    expect(plan("lambda")).toEqual([{ slug: "lambda", alts: ["lambda", "람다?", "람다 함수", "람다 펑션"] }]);
    expect(plan("다이나모")).toEqual([{ slug: "dynamodb", alts: ["다이나모", "Dynamo"] }]);
    expect(plan("Polly")).toEqual([{ slug: "polly", alts: ["Polly", "폴리?"] }]);
  });
  it("recognises multi-word names and Korean particles, and leaves other words literal", () => {
    expect(plan("Amazon DynamoDB 비용")).toEqual([
      { slug: "dynamodb", alts: ["Dynamo", "다이나모"] },
      { slug: null, alts: ["비용"] },
    ]);
    expect(plan("람다를")).toEqual([{ slug: "lambda", alts: ["람다를", "Lambda", "람다?", "람다 함수", "람다 펑션"] }]);
    expect(plan("이나모 서버리스")).toEqual([
      { slug: null, alts: ["이나모"] },
      { slug: null, alts: ["서버리스"] },
    ]);
    expect(plan('"cold start"')).toEqual([{ slug: null, alts: ["cold start"] }]);
  });
  it("never turns query text into operators", () => {
    expect(plan("OR NEAR( * %")).toEqual(["OR", "NEAR(", "*", "%"].map((t) => ({ slug: null, alts: [t] })));
  });
  it("drops repeated words and caps the number of groups", () => {
    expect(plan("람다 Lambda 람다")).toHaveLength(1);
    expect(plan(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_GROUPS);
  });
});

describe("pruneAlternatives", () => {
  it("drops alternatives that contain another one, unless the shorter one needs a check and the longer does not", () => {
    const alts = pruneAlternatives([
      { text: "AWS Lambda", needsMentionCheck: false },
      { text: "Lambda", needsMentionCheck: false },
      { text: "lambda", needsMentionCheck: true },
      { text: "람다를", needsMentionCheck: false },
      { text: "람다", needsMentionCheck: true },
    ]);
    expect(alts).toEqual([
      { text: "Lambda", needsMentionCheck: false },
      { text: "람다를", needsMentionCheck: false },
      { text: "람다", needsMentionCheck: true },
    ]);
  });
  it("treats short Korean and short Latin spellings as ambiguous", () => {
    expect(["람다", "폴리", "오로라", "S3", "EC2", "Glue"].every(isAmbiguousTerm)).toBe(true);
    expect(["다이나모", "Lambda", "다이나모 DB", "API 게이트웨이"].some(isAmbiguousTerm)).toBe(false);
  });
});

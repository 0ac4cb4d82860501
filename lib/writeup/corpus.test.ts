// The hand-written corpus (test-fixtures/writeups/corpus): twelve posts in the styles real Korean
// and English write-ups use (talk titles as images, 교시/제N강/N부/세션/Part/Module/Day numbering,
// continued parts, an event-naming heading, timed and untimed talks, deeper headings inside a
// talk), each with the talks and services a reader sees, written by hand next to it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAwsCatalog } from "../catalog/aws-catalog";
import { createServiceMatcher } from "../catalog/service-matcher";
import { WRITEUP_FIXTURES } from "../testing/fixtures";
import { readCorpus, scoreCorpus, scorePost, structureOf, TARGET } from "./corpus";
import { parseWriteup } from "./parse";
import { suggestPlanTags } from "./plan-tags";

const posts = readCorpus(path.join(WRITEUP_FIXTURES, "corpus"));
const matcher = createServiceMatcher(loadAwsCatalog());
const suggest = (plan: Parameters<typeof suggestPlanTags>[1]) => suggestPlanTags(matcher, plan);

describe("write-up corpus", () => {
  it("has at least ten posts, Korean and English, each with its expected talks and services", () => {
    expect(posts.length).toBeGreaterThanOrEqual(10);
    expect(posts.some((p) => /[가-힣]/.test(p.expected.talks.map((t) => t.title).join("")))).toBe(true);
    expect(posts.some((p) => /^[\x20-\x7e—]+$/.test(p.expected.talks.map((t) => t.title).join("")))).toBe(true);
    for (const p of posts) expect(p.expected.talks.length, p.file).toBeGreaterThan(0);
  });

  for (const post of posts) {
    it(`${post.file}: the talks a reader sees, every line kept`, () => {
      const score = scorePost(post, suggest);
      expect(score.structureDiff).toEqual([]);
      expect(score.lost).toEqual([]);
    });
  }

  it(`tag suggestion reaches ${TARGET.recall * 100}% recall and ${TARGET.precision * 100}% precision over the corpus`, () => {
    const result = scoreCorpus(posts, suggest);
    expect(result.recall).toBeGreaterThanOrEqual(TARGET.recall);
    expect(result.precision).toBeGreaterThanOrEqual(TARGET.precision);
  });

  it("never invents a time: untimed talks have none, in the post's order", () => {
    for (const post of posts) {
      const plan = parseWriteup(post.source, { fileName: post.file });
      const untimed = plan.talks.filter((t) => !t.startTime);
      for (const t of untimed) expect(t.endTime).toBeUndefined();
      if (untimed.length)
        expect(
          plan.warnings.some((w) => w.startsWith("times-unknown:")),
          post.file,
        ).toBe(true);
      expect(structureOf(plan).talks.length).toBe(post.expected.talks.length);
    }
  });

  it("says which parts were guessed: titles from images, the event name from a heading", () => {
    const images = parseWriteup(posts.find((p) => p.file.startsWith("01-"))!.source);
    expect(images.warnings.some((w) => w.startsWith("titles-from-images:"))).toBe(true);
    expect(images.eventNameFrom).toBe("heading");
    expect(images.warnings.some((w) => w.startsWith("name-from-heading:"))).toBe(true);
  });
});

// The hand-written write-up corpus (test-fixtures/writeups/corpus): each post with the talks and
// services a reader sees, written by hand next to it (*.expected.json). Scored by the corpus test
// and by `npm run eval:writeups`: structure (event name, talk titles, times or unknown) must match
// on every post; tag suggestion must reach 95% recall and 95% precision over the whole corpus.
import fs from "node:fs";
import path from "node:path";
import { lostLines, parseWriteup } from "./parse";
import type { WriteupPlan } from "./types";

export type ExpectedTalk = { title: string; start?: string; end?: string; time?: "unknown" };
export type ExpectedPost = { event: string; talks: ExpectedTalk[]; services: string[] };
export type CorpusPost = { file: string; source: string; expected: ExpectedPost };

export const TARGET = { recall: 0.95, precision: 0.95 } as const;

export function readCorpus(dir: string): CorpusPost[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => ({
      file,
      source: fs.readFileSync(path.join(dir, file), "utf8"),
      expected: JSON.parse(
        fs.readFileSync(path.join(dir, file.replace(/\.md$/, ".expected.json")), "utf8"),
      ) as ExpectedPost,
    }));
}

/** The plan's structure in the expected file's terms. */
export function structureOf(plan: WriteupPlan): Omit<ExpectedPost, "services"> {
  return {
    event: plan.event.name,
    talks: plan.talks.map((t) =>
      t.startTime
        ? { title: t.title, start: t.startTime, ...(t.endTime ? { end: t.endTime } : {}) }
        : { title: t.title, time: "unknown" as const },
    ),
  };
}

export type PostScore = {
  file: string;
  structureOk: boolean;
  structureDiff: string[];
  lost: string[];
  expected: string[];
  suggested: string[];
  truePositives: number;
};

function diffStructure(got: Omit<ExpectedPost, "services">, want: ExpectedPost): string[] {
  const out: string[] = [];
  if (got.event !== want.event) out.push(`event: got "${got.event}", want "${want.event}"`);
  const n = Math.max(got.talks.length, want.talks.length);
  for (let i = 0; i < n; i++) {
    const g = JSON.stringify(got.talks[i] ?? null);
    const w = JSON.stringify(want.talks[i] ?? null);
    if (g !== w) out.push(`talk ${i + 1}: got ${g}, want ${w}`);
  }
  return out;
}

/** Scores one post: `suggest` gives the service slugs suggested for the whole plan. */
export function scorePost(post: CorpusPost, suggest: (plan: WriteupPlan) => string[]): PostScore {
  const plan = parseWriteup(post.source, { fileName: post.file, timeZone: "Asia/Seoul" });
  const structureDiff = diffStructure(structureOf(plan), post.expected);
  const suggested = [...new Set(suggest(plan))].sort();
  const expected = [...new Set(post.expected.services)].sort();
  return {
    file: post.file,
    structureOk: structureDiff.length === 0,
    structureDiff,
    lost: lostLines(post.source, plan),
    expected,
    suggested,
    truePositives: suggested.filter((s) => expected.includes(s)).length,
  };
}

export type CorpusScore = {
  posts: PostScore[];
  recall: number;
  precision: number;
  structurePasses: number;
  met: boolean;
};

export function scoreCorpus(posts: CorpusPost[], suggest: (plan: WriteupPlan) => string[]): CorpusScore {
  const scores = posts.map((p) => scorePost(p, suggest));
  const tp = scores.reduce((n, s) => n + s.truePositives, 0);
  const wanted = scores.reduce((n, s) => n + s.expected.length, 0);
  const found = scores.reduce((n, s) => n + s.suggested.length, 0);
  const recall = wanted ? tp / wanted : 1;
  const precision = found ? tp / found : 1;
  const structurePasses = scores.filter((s) => s.structureOk).length;
  return {
    posts: scores,
    recall,
    precision,
    structurePasses,
    met: recall >= TARGET.recall && precision >= TARGET.precision && structurePasses === scores.length,
  };
}

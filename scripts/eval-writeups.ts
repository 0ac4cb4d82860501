// `npm run eval:writeups`: structure and tag suggestion over the hand-written corpus
// (test-fixtures/writeups/corpus), per post and in total, against the 95% recall / 95% precision goal.
import path from "node:path";
import { readCorpus, scoreCorpus, TARGET } from "../lib/writeup/corpus";
import { suggestPlanTags } from "../lib/writeup/plan-tags";
import { loadAwsCatalog } from "../lib/catalog/aws-catalog";
import { createServiceMatcher } from "../lib/catalog/service-matcher";

const dir = path.resolve(import.meta.dirname, "../test-fixtures/writeups/corpus");
const matcher = createServiceMatcher(loadAwsCatalog());
const result = scoreCorpus(readCorpus(dir), (plan) => suggestPlanTags(matcher, plan));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

for (const p of result.posts) {
  const tp = p.truePositives;
  const r = p.expected.length ? tp / p.expected.length : 1;
  const pr = p.suggested.length ? tp / p.suggested.length : 1;
  console.log(
    `${p.structureOk ? "PASS" : "FAIL"}  ${p.file.padEnd(36)} recall ${pct(r).padStart(6)}  precision ${pct(pr).padStart(6)}  lost lines ${p.lost.length}`,
  );
  for (const d of p.structureDiff) console.log(`        structure: ${d}`);
  const missed = p.expected.filter((s) => !p.suggested.includes(s));
  const extra = p.suggested.filter((s) => !p.expected.includes(s));
  if (missed.length) console.log(`        missed: ${missed.join(", ")}`);
  if (extra.length) console.log(`        not expected: ${extra.join(", ")}`);
}
console.log("");
console.log(`structure: ${result.structurePasses}/${result.posts.length} posts pass`);
console.log(
  `tags: recall ${pct(result.recall)}, precision ${pct(result.precision)} (goal ≥ ${pct(TARGET.recall)} / ≥ ${pct(TARGET.precision)})`,
);
console.log(result.met ? "goal: met" : "goal: NOT met");
process.exitCode = result.met ? 0 : 1;

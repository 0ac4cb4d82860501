// Search latency benchmark on a throw-away database.
//   npx tsx scripts/bench-search.ts [--notes 100000] [--database sqlite|postgres] [--runs 20]
// Builds a corpus (lib/search/bench-corpus.ts), migrates with `prisma migrate deploy`, then times
// searchEverything for one user in two teams (noteWhere = the app's visibleNotesWhere, with the
// readable note ids read per search as the pages do: readableNoteIds in lib/data/visible-notes.ts) and, as a stress case, with every note visible;
// then the server-side data functions of the comparison of three events and of a service timeline. PostgreSQL uses a temporary database on the server that
// TEST_POSTGRES_URL (or a postgres:// DATABASE_URL) names, and is skipped when there is none.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { BENCH_QUERIES } from "../lib/search/bench-corpus";

// lib/data/team-notes.ts (the visibility rule) imports "server-only", which only resolves under
// the react-server condition: run this script again with it rather than copy the rule.
if (!process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({
  options: {
    notes: { type: "string", default: "100000" },
    database: { type: "string", default: "sqlite" },
    runs: { type: "string", default: "20" },
  },
});
const noteCount = Number(values.notes);
const runs = Number(values.runs);
const database = values.database;
if (
  !Number.isInteger(noteCount) ||
  noteCount < 100 ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  (database !== "sqlite" && database !== "postgres")
) {
  console.error("usage: npx tsx scripts/bench-search.ts [--notes 100000] [--database sqlite|postgres] [--runs 20]");
  process.exit(2);
}
process.env.CHECKPOINT_DISABLE = "1";

const QUERIES = BENCH_QUERIES;
const WARMUP_RUNS = 3;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => n.toFixed(1).padStart(7);

async function throwawayDatabase(): Promise<{ url: string; file?: string; drop: () => Promise<void> } | null> {
  if (database === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-bench-"));
    const file = path.join(dir, "bench.db");
    return { url: `file:${file}`, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server =
    process.env.TEST_POSTGRES_URL ??
    (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined);
  if (!server) return null;
  const name = `summit_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  const target = await throwawayDatabase();
  if (!target) {
    console.log(
      "PostgreSQL benchmark skipped: set TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to a server where you may create databases.",
    );
    return;
  }
  const { migrateDatabase } = await import("../lib/testing/migrate");
  const { createPrismaClient } = await import("../lib/db-client");
  const { seedCatalog } = await import("../prisma/seed-data/seed");
  const { generateCorpus } = await import("../lib/search/bench-corpus");
  const { searchEverything } = await import("../lib/search");
  const { visibleNotesWhere } = await import("../lib/data/team-notes");
  const { readableNoteIds } = await import("../lib/data/visible-notes");
  const { compareEvents, getServiceTimeline } = await import("../lib/data/insights");

  const db = createPrismaClient(target.url);
  try {
    let t = performance.now();
    migrateDatabase(target.url);
    await seedCatalog(db);
    const corpus = await generateCorpus(db, noteCount);
    // A live PostgreSQL has statistics (autovacuum analyzes after bulk writes); give it those.
    if (database === "postgres") await db.$executeRawUnsafe("ANALYZE");
    const buildSeconds = ((performance.now() - t) / 1000).toFixed(1);
    const noteWhere = visibleNotesWhere(corpus.benchUserId);
    const visible = await db.note.count({ where: noteWhere });

    const size = target.file ? `(${(statSync(target.file).size / 1e6).toFixed(0)} MB)` : "";
    console.log(
      `${database}: ${corpus.notes} notes, ${corpus.talks} talks, ${corpus.users} users; built and migrated in ${buildSeconds} s ${size}`,
    );
    if (database === "postgres") {
      const [{ jit }] = await db.$queryRawUnsafe<{ jit: string }[]>("SHOW jit");
      console.log(
        `PostgreSQL jit = ${jit}${jit === "on" ? " (JIT compiles big scans for ~200 ms; append ?options=-c%20jit%3Doff to the server URL to compare)" : ""}`,
      );
    }

    // The stress case reads every note on every search: fewer runs keep the default run short.
    // What the pages pass: the rule, plus the readable ids read through indexes (readableNoteIds).
    const scenarios: {
      label: string;
      noteWhere: typeof noteWhere;
      ids: () => Promise<string[] | undefined>;
      runs: number;
      warmup: number;
    }[] = [
      {
        label: `user in 2 teams (${visible} visible notes), readableNoteIds (as the app)`,
        noteWhere,
        ids: () => readableNoteIds(db, corpus.benchUserId),
        runs,
        warmup: WARMUP_RUNS,
      },
      {
        label: `user in 2 teams, visibleNotesWhere evaluated over all notes (before)`,
        noteWhere,
        ids: async () => undefined,
        runs: Math.max(5, Math.ceil(runs / 2)),
        warmup: 1,
      },
      {
        label: `stress: all ${corpus.notes} notes visible (text index path)`,
        noteWhere: {},
        ids: async () => undefined,
        runs: Math.max(5, Math.ceil(runs / 4)),
        warmup: 1,
      },
    ];
    const all: number[] = [];
    for (const scenario of scenarios) {
      console.log(`\n${scenario.label}, ${scenario.runs} runs per query after ${scenario.warmup} warm-up runs`);
      console.log(
        `${"query".padEnd(20)} ${"notes".padStart(6)} ${"talks".padStart(6)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)}`,
      );
      const samples: number[] = [];
      // The caller's visibility rule, evaluated alone: a floor under every search.
      const ruleTimes: number[] = [];
      for (let i = 0; i < scenario.warmup + scenario.runs; i++) {
        t = performance.now();
        if (!(await scenario.ids())) await db.note.findMany({ where: scenario.noteWhere, select: { id: true } });
        if (i >= scenario.warmup) ruleTimes.push(performance.now() - t);
      }
      ruleTimes.sort((a, b) => a - b);
      for (const query of QUERIES) {
        const search = async () =>
          searchEverything(db, {
            query,
            actorId: corpus.benchUserId,
            noteWhere: scenario.noteWhere,
            visibleNoteIds: await scenario.ids(),
          });
        for (let i = 0; i < scenario.warmup; i++) await search();
        const times: number[] = [];
        let last;
        for (let i = 0; i < scenario.runs; i++) {
          t = performance.now();
          last = await search();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        samples.push(...times);
        console.log(
          `${query.padEnd(20)} ${String(last!.totals.notes).padStart(6)} ${String(last!.totals.talks).padStart(6)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))}`,
        );
      }
      samples.sort((a, b) => a - b);
      console.log(`${"all queries".padEnd(34)} ${ms(percentile(samples, 50))} ${ms(percentile(samples, 95))}`);
      console.log(
        `${"visible note ids alone (every search)".padEnd(34)} ${ms(percentile(ruleTimes, 50))} ${ms(percentile(ruleTimes, 95))}`,
      );
      if (all.length === 0) all.push(...samples);
    }
    const p95 = percentile(all, 95);
    console.log(
      `\ntarget p95 <= 50 ms for the user in 2 teams: ${p95 <= 50 ? "met" : "NOT met"} (${p95.toFixed(1)} ms)`,
    );

    // Insights: the data functions behind /compare and /services/[slug], for the same user.
    const threeEvents = ["bench-0", "bench-1", "bench-2"];
    const insights: [string, () => Promise<unknown>][] = [
      ["compare 3 events", () => compareEvents(db, corpus.benchUserId, threeEvents)],
      ["compare 3 events + DynamoDB notes", () => compareEvents(db, corpus.benchUserId, threeEvents, "dynamodb")],
      ["service timeline DynamoDB", () => getServiceTimeline(db, corpus.benchUserId, "dynamodb")],
      ["service timeline, anonymous", () => getServiceTimeline(db, null, "dynamodb")],
    ];
    console.log(`\ninsights (server-side data time), ${runs} runs after ${WARMUP_RUNS} warm-up runs`);
    console.log(`${"page data".padEnd(34)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)}`);
    let compareP95 = 0;
    for (const [label, fn] of insights) {
      for (let i = 0; i < WARMUP_RUNS; i++) await fn();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      if (label === "compare 3 events") compareP95 = percentile(times, 95);
      console.log(`${label.padEnd(34)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))}`);
    }
    console.log(
      `target comparison of 3 events <= 300 ms: ${compareP95 <= 300 ? "met" : "NOT met"} (p95 ${compareP95.toFixed(1)} ms)`,
    );
  } finally {
    await db.$disconnect();
    await target.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

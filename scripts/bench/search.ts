// Search latency for `npm run bench`: the corpus and the query set of scripts/bench-search.ts
// (lib/search/bench-corpus.ts, searchEverything with the app's visibility rule) for its main case,
// a user in two teams, without its slow stress case. Prints one JSON line {p50, p95, ...}.
// Needs the react-server condition (lib/data/team-notes.ts imports "server-only"):
//   NODE_OPTIONS=--conditions=react-server tsx scripts/bench/search.ts <database url> <notes> <runs>
import { createPrismaClient } from "../../lib/db-client";
import { percentile } from "./load";
import { BENCH_QUERIES } from "../../lib/search/bench-corpus";

const QUERIES = BENCH_QUERIES;
const WARMUP_RUNS = 3;

async function main() {
  const [url, notes = "100000", runsArg = "5"] = process.argv.slice(2);
  const { migrateDatabase } = await import("../../lib/testing/migrate");
  const { seedCatalog } = await import("../../prisma/seed-data/seed");
  const { generateCorpus } = await import("../../lib/search/bench-corpus");
  const { searchEverything } = await import("../../lib/search");
  const { visibleNotesWhere } = await import("../../lib/data/team-notes");
  const db = createPrismaClient(url);
  try {
    const t = performance.now();
    migrateDatabase(url);
    await seedCatalog(db);
    const corpus = await generateCorpus(db, Number(notes));
    if (url.startsWith("postgres")) await db.$executeRawUnsafe("ANALYZE");
    const buildSeconds = (performance.now() - t) / 1000;
    const noteWhere = visibleNotesWhere(corpus.benchUserId);
    const times: number[] = [];
    for (const query of QUERIES) {
      const input = { query, actorId: corpus.benchUserId, noteWhere };
      for (let i = 0; i < WARMUP_RUNS; i++) await searchEverything(db, input);
      for (let i = 0; i < Number(runsArg); i++) {
        const s = performance.now();
        await searchEverything(db, input);
        times.push(performance.now() - s);
      }
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        notes: corpus.notes,
        visible: await db.note.count({ where: noteWhere }),
        buildSeconds,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
      }),
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// CPU profile of the agenda page alone (docs/performance.md): the production server under
// `node --cpu-prof`, an 8×12 agenda on a throw-away SQLite database, 10 connections, anonymous.
//   tsx scripts/bench/profile-agenda.ts <dist dir> <profile dir> [seconds=10] [port=3260]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/db-client";
import { prepareDatabase } from "../prepare-database";
import { seedBenchData, startAppServer } from "./harness";
import { runGets } from "./load";
import { summarize } from "./profile-summary";

async function main() {
  const [dist = ".next-bench", profileDir = "/tmp/summit-agenda-profile", seconds = "10", port = "3260"] =
    process.argv.slice(2);
  const dir = mkdtempSync(path.join(os.tmpdir(), "summit-agenda-prof-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await prepareDatabase(url, { log: () => undefined });
    const db = createPrismaClient(url);
    const data = await seedBenchData(db, { prefix: "p", users: 1, writers: 1 });
    await db.$disconnect();
    const app = await startAppServer({
      distDir: dist,
      port: Number(port),
      databaseUrl: url,
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`],
    });
    const agendaPath = `/events/${data.agendaSlug}`;
    await runGets({ url: app.url, path: agendaPath, connections: 2, seconds: 3 });
    const r = await runGets({ url: app.url, path: agendaPath, connections: 10, seconds: Number(seconds) });
    console.log(`agenda: ${r.rps.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
    await app.stop();
    const { readdirSync, statSync } = await import("node:fs");
    const files = readdirSync(profileDir)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => path.join(profileDir, f));
    const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (newest) console.log(summarize(newest, 25));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

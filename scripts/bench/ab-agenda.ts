// The agenda page of two builds side by side (e.g. before / after a change), same database, runs
// interleaved so a neighbour's load hits both alike; anonymous and signed in. SQLite.
//   tsx scripts/bench/ab-agenda.ts <dist A> <dist B> [runs=5] [seconds=3]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/db-client";
import { prepareDatabase } from "../prepare-database";
import { BENCH_PASSWORD, seedBenchData, signInCookie, startAppServer } from "./harness";
import { runGets, type LoadResult } from "./load";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const [distA = ".next-before", distB = ".next-bench", runs = "5", seconds = "3"] = process.argv.slice(2);
  const dir = mkdtempSync(path.join(os.tmpdir(), "summit-ab-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await prepareDatabase(url, { log: () => undefined });
    const db = createPrismaClient(url);
    const data = await seedBenchData(db, { prefix: "ab", users: 1, writers: 1 });
    await db.$disconnect();
    const servers = [
      await startAppServer({ distDir: distA, port: 3270, databaseUrl: url }),
      await startAppServer({ distDir: distB, port: 3271, databaseUrl: url }),
    ];
    const cookies = await Promise.all(servers.map((s) => signInCookie(s.url, data.writers[0].email, BENCH_PASSWORD)));
    const agendaPath = `/events/${data.agendaSlug}`;
    const results: Record<string, LoadResult[]> = {};
    for (const [i, s] of servers.entries()) {
      await runGets({ url: s.url, path: agendaPath, connections: 2, seconds: 2 });
      await runGets({ url: s.url, path: agendaPath, connections: 2, seconds: 2, cookie: cookies[i] });
    }
    for (let r = 0; r < Number(runs); r++)
      for (const [i, s] of servers.entries())
        for (const who of ["anonymous", "signed in"]) {
          const key = `${[distA, distB][i]} ${who}`;
          (results[key] ??= []).push(
            await runGets({
              url: s.url,
              path: agendaPath,
              connections: 10,
              seconds: Number(seconds),
              cookie: who === "signed in" ? cookies[i] : undefined,
            }),
          );
        }
    for (const [key, rs] of Object.entries(results))
      console.log(
        `${key.padEnd(28)} ${median(rs.map((x) => x.rps))
          .toFixed(1)
          .padStart(7)} req/s  p50 ${median(rs.map((x) => x.p50))
          .toFixed(0)
          .padStart(5)} ms  p95 ${median(rs.map((x) => x.p95))
          .toFixed(0)
          .padStart(5)} ms`,
      );
    await Promise.all(servers.map((s) => s.stop()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

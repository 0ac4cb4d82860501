// `npm run bench`: one table of the figures issue 8 asks for, on the production build, on
// loopback, on SQLite and on PostgreSQL.
//   - note autosave (POST /api/notes: session, validation, version check, revision, write) at 1,
//     10 and 50 concurrent writers, side by side with the floor (scripts/bench/floor.ts: bare
//     node:http + the same Prisma client/driver doing the same transaction), ratio app/floor;
//   - the agenda page of an 8 tracks × 12 slots event, signed in;
//   - search over the 100k-note corpus (scripts/bench-search.ts, run as it is);
//   - first-load JavaScript per route (gzip), from the build manifests;
//   - PostgreSQL only: the agenda page and autosave through nginx in front of 1 and of 2 instances
//     (scripts/bench/cluster.ts, issue 18; BENCH_CLUSTER=0 skips it).
// Every load figure is the median of BENCH_RUNS runs (default 3) of BENCH_SECONDS (default 5).
//
// Environment: BENCH_RUNS, BENCH_SECONDS, BENCH_DATABASES (sqlite,postgres), BENCH_DIST_DIR
// (.next-bench; built when missing, BENCH_REBUILD=1 to force), BENCH_PORT (3200; uses 3 ports),
// BENCH_POSTGRES_URL (a server where databases may be created; else a throw-away cluster),
// BENCH_SEARCH_NOTES (100000; 0 skips search), BENCH_SEARCH_RUNS (5).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createPrismaClient } from "../lib/db-client";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../lib/testing/throwaway-postgres";
import { benchThroughNginx } from "./bench/cluster";
import { firstLoadJs } from "./bench/first-load";
import { BENCH_PASSWORD, hasBuild, seedBenchData, signInCookie, startAppServer } from "./bench/harness";
import { runGets, runSaves, type LoadResult, type Writer } from "./bench/load";
import { prepareDatabase } from "./prepare-database";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgres").split(",").map((s) => s.trim()).filter(Boolean);
const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SEARCH_NOTES = Number(process.env.BENCH_SEARCH_NOTES ?? 100_000);
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 5);
const WRITER_COUNTS = [1, 10, 50];
const AGENDA_CONNECTIONS = 10;
const NOTE_ROUTE = "/events/[slug]/talks/[talkId]/note";

process.env.CHECKPOINT_DISABLE = "1";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
process.env.NEXT_TELEMETRY_DISABLED = "1";

type Row = { area: string; db: string; metric: string; app: number | string; floor?: number; ratio?: number; target?: string; met?: boolean };
const rows: Row[] = [];
const log = (m: string) => console.error(`[bench] ${m}`);
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const medianOf = (results: LoadResult[], key: "rps" | "p50" | "p95" | "p99") => median(results.map((r) => r[key]));
const statusSummary = (results: LoadResult[]) => {
  const all: Record<string, number> = {};
  for (const r of results) for (const [s, n] of Object.entries(r.statuses)) all[s] = (all[s] ?? 0) + n;
  return Object.entries(all).map(([s, n]) => `${s}×${n}`).join(" ");
};

async function database(kind: string, pgServer: () => Promise<string>): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-bench-"));
    return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = await pgServer();
  const name = `summit_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function startFloor(port: number, databaseUrl: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/bench/floor.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return proc;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  proc.kill();
  throw new Error("the floor server did not start");
}

async function benchDatabase(kind: string, pgServer: () => Promise<string>) {
  const target = await database(kind, pgServer);
  log(`${kind}: migrating and seeding`);
  await prepareDatabase(target.url, { log: () => undefined });
  const db = createPrismaClient(target.url);
  const prefix = `b${Date.now().toString(36)}`;
  const maxWriters = Math.max(...WRITER_COUNTS);
  // A pool twice the connection count: a writer is only reused once its last save has answered.
  const data = await seedBenchData(db, { prefix, users: 20, writers: maxWriters * 2 });
  const appPort = PORT;
  const floorPort = PORT + 1;
  const app = await startAppServer({ distDir: DIST, port: appPort, databaseUrl: target.url });
  const floor = await startFloor(floorPort, target.url);
  try {
    const cookies = new Map<string, string>();
    for (const w of data.writers) if (!cookies.has(w.userId)) cookies.set(w.userId, await signInCookie(app.url, w.email, BENCH_PASSWORD));
    const writersFor = async (n: number, withCookies: boolean): Promise<Writer[]> => {
      const pool = data.writers.slice(0, Math.min(data.writers.length, n * 2));
      const versions = new Map((await db.note.findMany({ where: { id: { in: pool.map((w) => w.noteId) } }, select: { id: true, version: true } })).map((n) => [n.id, n.version]));
      return pool.map((w) => ({ noteId: w.noteId, userId: w.userId, version: versions.get(w.noteId)!, cookie: withCookies ? cookies.get(w.userId) : undefined }));
    };

    log(`${kind}: warm-up`);
    await runSaves({ url: app.url, writers: await writersFor(10, true), connections: 10, seconds: 2 });
    await runSaves({ url: `http://127.0.0.1:${floorPort}`, writers: await writersFor(10, false), connections: 10, seconds: 2 });

    for (const n of WRITER_COUNTS) {
      const appRuns: LoadResult[] = [];
      const floorRuns: LoadResult[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Interleaved, so a noisy neighbour on the machine hits both sides alike.
        appRuns.push(await runSaves({ url: app.url, writers: await writersFor(n, true), connections: n, seconds: SECONDS }));
        floorRuns.push(await runSaves({ url: `http://127.0.0.1:${floorPort}`, writers: await writersFor(n, false), connections: n, seconds: SECONDS }));
      }
      const area = `autosave, ${n} writer${n > 1 ? "s" : ""}`;
      const aRps = medianOf(appRuns, "rps");
      const fRps = medianOf(floorRuns, "rps");
      rows.push({
        area,
        db: kind,
        metric: "saves/s",
        app: aRps,
        floor: fRps,
        ratio: aRps / fRps,
        ...(n === 50 && kind === "sqlite" ? { target: "≥ 1000/s", met: aRps >= 1000 } : {}),
      });
      for (const p of ["p50", "p95", "p99"] as const) {
        const a = medianOf(appRuns, p);
        const f = medianOf(floorRuns, p);
        rows.push({ area, db: kind, metric: `${p} ms`, app: a, floor: f, ratio: a / f, ...(p === "p50" ? { target: "ratio ≤ 3", met: a / f <= 3 } : {}) });
      }
      rows.push({ area, db: kind, metric: "responses", app: `app ${statusSummary(appRuns)}; floor ${statusSummary(floorRuns)}` });
      log(`${kind}: ${area}: app ${aRps.toFixed(0)}/s, floor ${fRps.toFixed(0)}/s`);
    }

    const agendaRuns: LoadResult[] = [];
    const agendaPath = `/events/${data.agendaSlug}`;
    const cookie = cookies.values().next().value!;
    await runGets({ url: app.url, path: agendaPath, connections: AGENDA_CONNECTIONS, seconds: 2, cookie });
    for (let run = 0; run < RUNS; run++) agendaRuns.push(await runGets({ url: app.url, path: agendaPath, connections: AGENDA_CONNECTIONS, seconds: SECONDS, cookie }));
    const area = `agenda page 8×12, ${AGENDA_CONNECTIONS} conns`;
    const rps = medianOf(agendaRuns, "rps");
    const p95 = medianOf(agendaRuns, "p95");
    rows.push({ area, db: kind, metric: "req/s", app: rps, target: "≥ 300/s", met: rps >= 300 });
    rows.push({ area, db: kind, metric: "p50 ms", app: medianOf(agendaRuns, "p50") });
    rows.push({ area, db: kind, metric: "p95 ms", app: p95, target: "≤ 50 ms", met: p95 <= 50 });
    rows.push({ area, db: kind, metric: "responses", app: statusSummary(agendaRuns) });
    log(`${kind}: agenda ${rps.toFixed(0)} req/s, p95 ${p95.toFixed(1)} ms`);

    if (kind === "postgres" && process.env.BENCH_CLUSTER !== "0") {
      const signIn = async (baseUrl: string) => {
        const jar = new Map<string, string>();
        for (const w of data.writers) if (!jar.has(w.userId)) jar.set(w.userId, await signInCookie(baseUrl, w.email, BENCH_PASSWORD));
        return jar;
      };
      for (const r of await benchThroughNginx({ databaseUrl: target.url, distDir: DIST, db, data, signIn, runs: RUNS, seconds: SECONDS, log })) rows.push({ ...r, db: kind });
    }
  } finally {
    floor.kill("SIGTERM");
    await app.stop();
    await db.$disconnect();
    await target.drop();
  }
}

/** The search corpus of scripts/bench-search.ts on a throw-away database (scripts/bench/search.ts). */
async function benchSearch(kind: string, pgServer: () => Promise<string>) {
  log(`${kind}: search over ${SEARCH_NOTES} notes (building the corpus takes a while)`);
  const target = await database(kind, pgServer);
  const area = `search, ${SEARCH_NOTES / 1000}k notes, user in 2 teams`;
  try {
    const res = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/bench/search.ts", target.url, String(SEARCH_NOTES), String(SEARCH_RUNS)], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim() },
      maxBuffer: 10_000_000,
    });
    const line = (res.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
    if (!line) {
      rows.push({ area, db: kind, metric: "p50 ms", app: `failed: ${(res.stderr ?? "").split("\n").filter(Boolean).slice(-1)[0] ?? res.status}` });
      return;
    }
    const r = JSON.parse(line) as { p50: number; p95: number; visible: number };
    rows.push({ area, db: kind, metric: "p50 ms", app: r.p50 });
    rows.push({ area, db: kind, metric: "p95 ms", app: r.p95, target: "≤ 50 ms", met: r.p95 <= 50 });
  } finally {
    await target.drop();
  }
}

function fmt(v: number | string | undefined, digits = 1): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return "–";
  return v >= 100 ? v.toFixed(0) : v.toFixed(digits);
}

function printTable() {
  const header = ["scenario", "db", "metric", "app", "floor", "app/floor", "target", ""];
  const body = rows.map((r) => [
    r.area,
    r.db,
    r.metric,
    fmt(r.app),
    fmt(r.floor),
    r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
    r.target ?? "",
    r.met === undefined ? "" : r.met ? "met" : "NOT met",
  ]);
  // Long status summaries go last on their line instead of widening the table.
  const width = header.map((h, i) => Math.max(h.length, ...body.filter((b) => b[2] !== "responses" || i !== 3).map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells[2] === "responses" ? `${cells.slice(0, 3).map((c, i) => c.padEnd(width[i])).join("  ")}  ${cells[3]}` : cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(width[i]) : c.padEnd(width[i]))).join("  ").trimEnd();
  console.log(line(header));
  console.log(width.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

async function main() {
  const started = Date.now();
  if (!hasBuild(DIST) || process.env.BENCH_REBUILD === "1") {
    log(`building into ${DIST}`);
    const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  let cluster: ThrowawayPostgres | undefined;
  const pgServer = async () => process.env.BENCH_POSTGRES_URL ?? (cluster ??= await startThrowawayPostgres()).url;
  try {
    for (const kind of DATABASES) {
      if (kind !== "sqlite" && kind !== "postgres") throw new Error(`BENCH_DATABASES: unknown database ${kind}`);
      await benchDatabase(kind, pgServer);
      if (SEARCH_NOTES > 0) await benchSearch(kind, pgServer);
    }
  } finally {
    cluster?.stop();
  }
  for (const r of firstLoadJs(DIST)) {
    const isNote = r.route === NOTE_ROUTE;
    rows.push({ area: `first-load JS ${r.route}`, db: "", metric: "KB gzip", app: r.gzipKB, ...(isNote ? { target: "≤ 150 KB", met: r.gzipKB <= 150 } : {}) });
  }
  console.log(
    `\nSummit Notes bench: ${new Date().toISOString()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ` +
      `median of ${RUNS} run(s) × ${SECONDS} s, loopback, production build in ${DIST}. app/floor = app figure ÷ floor figure.\n`,
  );
  printTable();
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

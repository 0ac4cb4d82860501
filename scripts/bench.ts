// `npm run bench`: one table of the figures issues 8 and 14 ask for, on the production build, on
// loopback, on SQLite and on PostgreSQL, every target printed with the floor it is compared to,
// measured in the same run (runs interleaved), the ratio, and "met" / "NOT met".
//   - note autosave (POST /api/notes: session, validation, version check, revision, write) at 1,
//     10 and 50 concurrent writers, side by side with three floors:
//       raw driver  (scripts/bench/raw-floor.ts: bare node:http + better-sqlite3 prepared
//                    statements / pg prepared statement, same conditional update + revision insert),
//       Prisma      (scripts/bench/floor.ts: bare node:http + the app's Prisma client, interactive
//                    transaction),
//       Next route  (scripts/bench/next-fixture: a bare Next.js route handler parsing the same
//                    JSON, no database);
//     and the session check's own cost per request (Server-Timing from /api/notes);
//   - the agenda page of an 8 tracks × 12 slots event, anonymous and signed in, beside a bare
//     Next.js page with an 8×12 table rendered per request and prerendered (the fixture);
//   - search over the 100k-note corpus (scripts/bench-search.ts, run as it is);
//   - first-load JavaScript per route (gzip), from the build manifests;
//   - PostgreSQL only: the agenda page and autosave through nginx in front of 1 and of 2 instances
//     (scripts/bench/cluster.ts, issue 18; BENCH_CLUSTER=0 skips it).
// Every load figure is the median of BENCH_RUNS runs (default 3) of BENCH_SECONDS (default 5).
// `npm run bench -- --quick`: 1 run × 3 s, search on a 20k-note corpus (a smaller corpus than the
// target's: marked so), no nginx cluster; a few minutes. BENCH_CPU_PROF=<dir> runs the app server
// under `node --cpu-prof` (profiles written there when it stops; scripts/bench/profile-summary.ts).
//
// Environment: BENCH_RUNS, BENCH_SECONDS, BENCH_DATABASES (sqlite,postgres), BENCH_DIST_DIR
// (.next-bench; built when missing, BENCH_REBUILD=1 to force), BENCH_PORT (3200; uses 4 ports: app, Prisma floor, raw floor, Next fixture),
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

const QUICK = process.argv.includes("--quick");
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 5));
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SEARCH_NOTES = Number(process.env.BENCH_SEARCH_NOTES ?? (QUICK ? 20_000 : 100_000));
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 5);
const WRITER_COUNTS = [1, 10, 50];
const AGENDA_CONNECTIONS = 10;
const NOTE_ROUTE = "/events/[slug]/talks/[talkId]/note";
const AGENDA_ROUTE = "/events/[slug]";
const FIXTURE_DIR = path.resolve("scripts/bench/next-fixture");

process.env.CHECKPOINT_DISABLE = "1";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
process.env.NEXT_TELEMETRY_DISABLED = "1";

type Row = {
  area: string;
  db: string;
  metric: string;
  app: number | string;
  floorName?: string;
  floor?: number;
  ratio?: number;
  target?: string;
  met?: boolean;
};
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
  return Object.entries(all)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
};

async function database(
  kind: string,
  pgServer: () => Promise<string>,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-bench-"));
    return {
      url: `file:${path.join(dir, "bench.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
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

async function startFloor(port: number, databaseUrl: string, script = "scripts/bench/floor.ts"): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script], {
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

type Fixture = { url: string; stop: () => Promise<void> };

/** Builds (when missing) and starts the bare Next.js fixture app: the framework floor. */
async function startFixture(port: number): Promise<Fixture> {
  const dist = path.join(FIXTURE_DIR, ".next");
  if (!hasBuild(dist) || process.env.BENCH_REBUILD === "1") {
    log("building the bare Next.js fixture (framework floor)");
    const build = spawnSync(
      process.execPath,
      [path.resolve("node_modules/next/dist/bin/next"), "build", "--webpack", FIXTURE_DIR],
      { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: "" } },
    );
    if (build.status !== 0) throw new Error("next build of the fixture failed");
  }
  const proc = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", FIXTURE_DIR, "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: "" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/static`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until || proc.exitCode !== null) {
      proc.kill();
      throw new Error("the fixture server did not start");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: async () => void proc.kill("SIGTERM") };
}

async function benchDatabase(kind: string, pgServer: () => Promise<string>, fixture: Fixture) {
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
  const rawPort = PORT + 2;
  const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF, kind) : undefined;
  const app = await startAppServer({
    distDir: DIST,
    port: appPort,
    databaseUrl: target.url,
    ...(profileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
  });
  const floor = await startFloor(floorPort, target.url);
  const raw = await startFloor(rawPort, target.url, "scripts/bench/raw-floor.ts");
  try {
    const cookies = new Map<string, string>();
    for (const w of data.writers)
      if (!cookies.has(w.userId)) cookies.set(w.userId, await signInCookie(app.url, w.email, BENCH_PASSWORD));
    const writersFor = async (n: number, withCookies: boolean): Promise<Writer[]> => {
      const pool = data.writers.slice(0, Math.min(data.writers.length, n * 2));
      const versions = new Map(
        (
          await db.note.findMany({
            where: { id: { in: pool.map((w) => w.noteId) } },
            select: { id: true, version: true },
          })
        ).map((n) => [n.id, n.version]),
      );
      return pool.map((w) => ({
        noteId: w.noteId,
        userId: w.userId,
        version: versions.get(w.noteId)!,
        cookie: withCookies ? cookies.get(w.userId) : undefined,
      }));
    };
    const sides = [
      {
        name: "app",
        run: async (n: number, secs: number) =>
          runSaves({ url: app.url, writers: await writersFor(n, true), connections: n, seconds: secs }),
      },
      {
        name: "raw driver",
        run: async (n: number, secs: number) =>
          runSaves({
            url: `http://127.0.0.1:${rawPort}`,
            writers: await writersFor(n, false),
            connections: n,
            seconds: secs,
          }),
      },
      {
        name: "Prisma floor",
        run: async (n: number, secs: number) =>
          runSaves({
            url: `http://127.0.0.1:${floorPort}`,
            writers: await writersFor(n, false),
            connections: n,
            seconds: secs,
          }),
      },
      // No database: the same JSON, parsed and answered by a bare route handler (shared by both databases).
      {
        name: "Next route",
        run: async (n: number, secs: number) =>
          runSaves({
            url: fixture.url,
            path: "/api/save",
            writers: await writersFor(n, false),
            connections: n,
            seconds: secs,
          }),
      },
    ];

    log(`${kind}: warm-up`);
    for (const side of sides) await side.run(10, 2);

    for (const n of WRITER_COUNTS) {
      const results = sides.map(() => [] as LoadResult[]);
      // Interleaved, so a noisy neighbour on the machine hits every side alike.
      for (let run = 0; run < RUNS; run++)
        for (const [i, side] of sides.entries()) results[i].push(await side.run(n, SECONDS));
      const area = `autosave, ${n} writer${n > 1 ? "s" : ""}`;
      const [appRuns] = results;
      const aRps = medianOf(appRuns, "rps");
      const aP50 = medianOf(appRuns, "p50");
      for (const [i, side] of sides.entries()) {
        if (i === 0) continue;
        const fRps = medianOf(results[i], "rps");
        const fP50 = medianOf(results[i], "p50");
        let target: Partial<Row> = {};
        if (side.name === "raw driver" && n === 50)
          target =
            kind === "sqlite" ? { target: "≥ 700/s", met: aRps >= 700 } : { target: "≥ 500/s", met: aRps >= 500 };
        if (side.name === "Next route" && n === 50 && kind === "sqlite")
          target = { target: "ratio ≥ 0.5", met: aRps / fRps >= 0.5 };
        rows.push({
          area,
          db: kind,
          metric: "saves/s",
          app: aRps,
          floorName: side.name,
          floor: fRps,
          ratio: aRps / fRps,
          ...target,
        });
        rows.push({
          area,
          db: kind,
          metric: "p50 ms",
          app: aP50,
          floorName: side.name,
          floor: fP50,
          ratio: aP50 / fP50,
          ...(side.name === "raw driver" && n === 1 && kind === "sqlite" ? { target: "≤ 3 ms", met: aP50 <= 3 } : {}),
        });
      }
      for (const p of ["p95", "p99"] as const)
        rows.push({
          area,
          db: kind,
          metric: `${p} ms`,
          app: medianOf(appRuns, p),
          floorName: "raw driver",
          floor: medianOf(results[1], p),
          ratio: medianOf(appRuns, p) / medianOf(results[1], p),
        });
      const session = median(appRuns.map((r) => r.sessionMs ?? NaN));
      rows.push({
        area,
        db: kind,
        metric: "session check ms",
        app: Number.isFinite(session) ? session : "no Server-Timing",
        target: "≤ 0.5 ms",
        met: session <= 0.5,
      });
      rows.push({
        area,
        db: kind,
        metric: "responses",
        app: sides.map((side, i) => `${side.name} ${statusSummary(results[i])}`).join("; "),
      });
      log(
        `${kind}: ${area}: ${sides.map((side, i) => `${side.name} ${medianOf(results[i], "rps").toFixed(0)}/s`).join(", ")}`,
      );
    }

    const agendaPath = `/events/${data.agendaSlug}`;
    const cookie = cookies.values().next().value!;
    const pages = [
      {
        name: "anonymous",
        run: (secs: number) =>
          runGets({ url: app.url, path: agendaPath, connections: AGENDA_CONNECTIONS, seconds: secs }),
      },
      {
        name: "signed in",
        run: (secs: number) =>
          runGets({ url: app.url, path: agendaPath, connections: AGENDA_CONNECTIONS, seconds: secs, cookie }),
      },
      {
        name: "Next page per request",
        run: (secs: number) =>
          runGets({ url: fixture.url, path: "/table", connections: AGENDA_CONNECTIONS, seconds: secs }),
      },
      {
        name: "Next page prerendered",
        run: (secs: number) =>
          runGets({ url: fixture.url, path: "/static", connections: AGENDA_CONNECTIONS, seconds: secs }),
      },
    ];
    for (const page of pages) await page.run(2);
    const pageRuns = pages.map(() => [] as LoadResult[]);
    for (let run = 0; run < RUNS; run++)
      for (const [i, page] of pages.entries()) pageRuns[i].push(await page.run(SECONDS));
    const perRequest = { rps: medianOf(pageRuns[2], "rps"), p95: medianOf(pageRuns[2], "p95") };
    const prerendered = { rps: medianOf(pageRuns[3], "rps"), p95: medianOf(pageRuns[3], "p95") };
    for (const [i, page] of pages.slice(0, 2).entries()) {
      const area = `agenda page 8×12, ${AGENDA_CONNECTIONS} conns, ${page.name}`;
      const rps = medianOf(pageRuns[i], "rps");
      const p95 = medianOf(pageRuns[i], "p95");
      rows.push({
        area,
        db: kind,
        metric: "req/s",
        app: rps,
        floorName: "Next prerendered",
        floor: prerendered.rps,
        ratio: rps / prerendered.rps,
        target: "≥ 1000/s",
        met: rps >= 1000,
      });
      rows.push({
        area,
        db: kind,
        metric: "req/s",
        app: rps,
        floorName: "Next prerendered",
        floor: prerendered.rps,
        ratio: rps / prerendered.rps,
        target: "ratio ≥ 0.5",
        met: rps / prerendered.rps >= 0.5,
      });
      rows.push({
        area,
        db: kind,
        metric: "req/s",
        app: rps,
        floorName: "Next per request",
        floor: perRequest.rps,
        ratio: rps / perRequest.rps,
      });
      rows.push({
        area,
        db: kind,
        metric: "p50 ms",
        app: medianOf(pageRuns[i], "p50"),
        floorName: "Next prerendered",
        floor: medianOf(pageRuns[3], "p50"),
        ratio: medianOf(pageRuns[i], "p50") / medianOf(pageRuns[3], "p50"),
      });
      rows.push({
        area,
        db: kind,
        metric: "p95 ms",
        app: p95,
        floorName: "Next prerendered",
        floor: prerendered.p95,
        ratio: p95 / prerendered.p95,
        target: "≤ 20 ms",
        met: p95 <= 20,
      });
      rows.push({ area, db: kind, metric: "responses", app: statusSummary(pageRuns[i]) });
      log(
        `${kind}: agenda ${page.name} ${rps.toFixed(0)} req/s, p95 ${p95.toFixed(1)} ms (prerendered page ${prerendered.rps.toFixed(0)} req/s, per request ${perRequest.rps.toFixed(0)} req/s)`,
      );
    }
    if (kind === DATABASES[0]) {
      rows.push({ area: "bare Next page 8×12, per request", db: "", metric: "req/s", app: perRequest.rps });
      rows.push({ area: "bare Next page 8×12, per request", db: "", metric: "p95 ms", app: perRequest.p95 });
      rows.push({ area: "bare Next page 8×12, prerendered", db: "", metric: "req/s", app: prerendered.rps });
      rows.push({ area: "bare Next page 8×12, prerendered", db: "", metric: "p95 ms", app: prerendered.p95 });
    }

    if (kind === "postgres" && process.env.BENCH_CLUSTER !== "0" && !QUICK) {
      const signIn = async (baseUrl: string) => {
        const jar = new Map<string, string>();
        for (const w of data.writers)
          if (!jar.has(w.userId)) jar.set(w.userId, await signInCookie(baseUrl, w.email, BENCH_PASSWORD));
        return jar;
      };
      for (const r of await benchThroughNginx({
        databaseUrl: target.url,
        distDir: DIST,
        db,
        data,
        signIn,
        runs: RUNS,
        seconds: SECONDS,
        log,
      }))
        rows.push({ ...r, db: kind });
    }
  } finally {
    floor.kill("SIGTERM");
    raw.kill("SIGTERM");
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
    const res = spawnSync(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "scripts/bench/search.ts",
        target.url,
        String(SEARCH_NOTES),
        String(SEARCH_RUNS),
      ],
      {
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim() },
        maxBuffer: 10_000_000,
      },
    );
    const line = (res.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
    if (!line) {
      rows.push({
        area,
        db: kind,
        metric: "p50 ms",
        app: `failed: ${(res.stderr ?? "").split("\n").filter(Boolean).slice(-1)[0] ?? res.status}`,
      });
      return;
    }
    const r = JSON.parse(line) as { p50: number; p95: number; visible: number };
    rows.push({ area, db: kind, metric: "p50 ms", app: r.p50 });
    const limit = kind === "sqlite" ? 30 : 50;
    const smaller = SEARCH_NOTES < 100_000 ? " (smaller corpus than the target's)" : "";
    rows.push({ area, db: kind, metric: "p95 ms", app: r.p95, target: `≤ ${limit} ms${smaller}`, met: r.p95 <= limit });
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
  const header = ["scenario", "db", "metric", "app", "floor", "floor figure", "app/floor", "target", ""];
  const body = rows.map((r) => [
    r.area,
    r.db,
    r.metric,
    fmt(r.app),
    r.floorName ?? "",
    fmt(r.floor),
    r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
    r.target ?? "",
    r.met === undefined ? "" : r.met ? "met" : "NOT met",
  ]);
  // Long status summaries go last on their line instead of widening the table.
  const width = header.map((h, i) =>
    Math.max(h.length, ...body.filter((b) => b[2] !== "responses" || i !== 3).map((b) => b[i].length)),
  );
  const line = (cells: string[]) =>
    cells[2] === "responses"
      ? `${cells
          .slice(0, 3)
          .map((c, i) => c.padEnd(width[i]))
          .join("  ")}  ${cells[3]}`
      : cells
          .map((c, i) => (i === 3 || i === 5 || i === 6 ? c.padStart(width[i]) : c.padEnd(width[i])))
          .join("  ")
          .trimEnd();
  console.log(line(header));
  console.log(width.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

async function main() {
  const started = Date.now();
  if (!hasBuild(DIST) || process.env.BENCH_REBUILD === "1") {
    log(`building into ${DIST}`);
    const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_DIST_DIR: DIST },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  let cluster: ThrowawayPostgres | undefined;
  const pgServer = async () => process.env.BENCH_POSTGRES_URL ?? (cluster ??= await startThrowawayPostgres()).url;
  const fixture = await startFixture(PORT + 3);
  try {
    for (const kind of DATABASES) {
      if (kind !== "sqlite" && kind !== "postgres") throw new Error(`BENCH_DATABASES: unknown database ${kind}`);
      await benchDatabase(kind, pgServer, fixture);
      if (SEARCH_NOTES > 0) await benchSearch(kind, pgServer);
    }
  } finally {
    await fixture.stop();
    cluster?.stop();
  }
  for (const r of firstLoadJs(DIST)) {
    const limit = r.route === NOTE_ROUTE ? 150 : r.route === AGENDA_ROUTE ? 130 : undefined;
    rows.push({
      area: `first-load JS ${r.route}`,
      db: "",
      metric: "KB gzip",
      app: r.gzipKB,
      ...(limit ? { target: `≤ ${limit} KB`, met: r.gzipKB <= limit } : {}),
    });
  }
  console.log(
    `\nSummit Notes bench: ${new Date().toISOString()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ` +
      `median of ${RUNS} run(s) × ${SECONDS} s${QUICK ? " (--quick)" : ""}, loopback, production build in ${DIST}. app/floor = app figure ÷ the named floor's figure, measured in the same run.\n`,
  );
  printTable();
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// The agenda page and autosave through nginx (deploy/nginx.conf) in front of 1 and of 2 app
// instances, and instance 1 without nginx, same run, runs interleaved (scripts/bench.ts, PostgreSQL
// only: several instances need a shared database). Two nginx processes: one whose only upstream is
// instance 1, one that round-robins over instances 1 and 2 (lib/cluster/local-cluster.ts).
// On a 2-core machine this measures what the balancer and a second process cost, not scaling:
// both instances and the load generator share the same two cores.
import { startLocalCluster } from "../../lib/cluster/local-cluster";
import { startNginx } from "../../lib/cluster/nginx";
import type { Db } from "../../lib/db-client";
import type { BenchData } from "./harness";
import { runGets, runSaves, type LoadResult, type Writer } from "./load";

export type ClusterRow = { area: string; metric: string; app: number | string };

type Options = {
  databaseUrl: string;
  distDir: string;
  db: Db;
  data: BenchData;
  /** Signs the bench users in through `baseUrl` (the cluster has a secret of its own): Cookie header per user id. */
  signIn: (baseUrl: string) => Promise<Map<string, string>>;
  runs: number;
  seconds: number;
  log: (m: string) => void;
};

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

export async function benchThroughNginx({
  databaseUrl,
  distDir,
  db,
  data,
  signIn,
  runs,
  seconds,
  log,
}: Options): Promise<ClusterRow[]> {
  log("postgres: 2 instances (npm start's server) behind nginx, and nginx in front of one of them");
  const cluster = await startLocalCluster({ count: 2, distDir, databaseUrl });
  const single = await startNginx({ upstreams: [`127.0.0.1:${cluster.instances[0].port}`] });
  const rows: ClusterRow[] = [];
  try {
    const cookies = await signIn(cluster.url);
    const agendaCookie = cookies.values().next().value!;
    const writersFor = async (n: number): Promise<Writer[]> => {
      const pool = data.writers.slice(0, Math.min(data.writers.length, n * 2));
      const versions = new Map(
        (
          await db.note.findMany({
            where: { id: { in: pool.map((w) => w.noteId) } },
            select: { id: true, version: true },
          })
        ).map((x) => [x.id, x.version]),
      );
      return pool.map((w) => ({
        noteId: w.noteId,
        userId: w.userId,
        version: versions.get(w.noteId)!,
        cookie: cookies.get(w.userId),
      }));
    };
    const setups = [
      { label: "instance 1 direct", url: cluster.instances[0].url },
      { label: "nginx → 1 instance", url: single.url },
      { label: "nginx → 2 instances", url: cluster.url },
    ];
    const agendaPath = `/events/${data.agendaSlug}`;
    const scenarios: { area: string; rateMetric: string; run: (url: string, secs: number) => Promise<LoadResult> }[] = [
      // What the extra hop costs by itself: the cheapest route, one request at a time.
      {
        area: "/api/health, 1 conn",
        rateMetric: "req/s",
        run: (url, secs) => runGets({ url, path: "/api/health", connections: 1, seconds: secs }),
      },
      {
        area: "agenda page 8×12, 10 conns",
        rateMetric: "req/s",
        run: (url, secs) => runGets({ url, path: agendaPath, connections: 10, seconds: secs, cookie: agendaCookie }),
      },
      {
        area: "autosave, 10 writers",
        rateMetric: "saves/s",
        run: async (url, secs) => runSaves({ url, writers: await writersFor(10), connections: 10, seconds: secs }),
      },
      {
        area: "autosave, 50 writers",
        rateMetric: "saves/s",
        run: async (url, secs) => runSaves({ url, writers: await writersFor(50), connections: 50, seconds: secs }),
      },
    ];
    // Each instance loads a route's code on its first request: warm both, directly, before measuring.
    for (const instance of cluster.instances) {
      await runGets({ url: instance.url, path: agendaPath, connections: 1, seconds: 3, cookie: agendaCookie });
      await runSaves({ url: instance.url, writers: await writersFor(1), connections: 1, seconds: 3 });
    }
    for (const scenario of scenarios) {
      const results = setups.map(() => [] as LoadResult[]);
      for (let run = 0; run < runs; run++)
        for (const [i, s] of setups.entries()) results[i].push(await scenario.run(s.url, seconds));
      const rates: number[] = [];
      for (const [i, s] of setups.entries()) {
        const area = `${scenario.area}, ${s.label}`;
        const rate = median(results[i].map((r) => r.rps));
        rates.push(rate);
        rows.push({ area, metric: scenario.rateMetric, app: rate });
        for (const p of ["p50", "p95"] as const)
          rows.push({ area, metric: `${p} ms`, app: median(results[i].map((r) => r[p])) });
        log(`postgres: ${area}: p50 ${median(results[i].map((r) => r.p50)).toFixed(2)} ms`);
        const statuses: Record<string, number> = {};
        for (const r of results[i])
          for (const [k, n] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
        rows.push({
          area,
          metric: "responses",
          app: Object.entries(statuses)
            .map(([k, n]) => `${k}×${n}`)
            .join(" "),
        });
        log(`postgres: ${area}: ${rate.toFixed(1)} ${scenario.rateMetric}`);
      }
      rows.push({
        area: `${scenario.area}, nginx → 1 ÷ direct`,
        metric: scenario.rateMetric,
        app: `${(rates[1] / rates[0]).toFixed(2)}×`,
      });
      rows.push({
        area: `${scenario.area}, nginx → 2 ÷ nginx → 1`,
        metric: scenario.rateMetric,
        app: `${(rates[2] / rates[1]).toFixed(2)}×`,
      });
    }
  } finally {
    await single.stop();
    await cluster.stop();
  }
  return rows;
}

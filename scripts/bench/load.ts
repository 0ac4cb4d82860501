// Load scenarios on autocannon. Latency is timed per request here (autocannon reports no p95):
// from the moment a connection builds the request to its response, one request in flight per
// connection (no pipelining), so it is what a client waits.
import autocannon from "autocannon";

export type LoadResult = {
  rps: number;
  ok: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Median Server-Timing `session;dur` (ms), when the server sent it. */ sessionMs?: number;
};

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

function summarize(
  latencies: number[],
  statuses: Record<string, number>,
  seconds: number,
  okStatuses: number[],
): LoadResult {
  latencies.sort((a, b) => a - b);
  const ok = okStatuses.reduce((n, s) => n + (statuses[s] ?? 0), 0);
  return {
    rps: ok / seconds,
    ok,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
  };
}

export type Writer = { noteId: string; userId: string; version: number; cookie?: string };

/**
 * `connections` concurrent writers, each save against the version its last save returned (so
 * every save writes; a 409 would mean a lost race). Writers are taken from a pool of idle ones,
 * so no two requests for the same note are ever in flight together.
 */
export async function runSaves({
  url,
  writers,
  connections,
  seconds,
  bodyBytes = 1500,
  path = "/api/notes",
}: {
  url: string;
  writers: Writer[];
  connections: number;
  seconds: number;
  bodyBytes?: number;
  path?: string;
}): Promise<LoadResult> {
  const idle = [...writers];
  const t0 = new Map<Writer, number>();
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const sessionMs: number[] = [];
  const filler = "Lambda 콜드 스타트, DynamoDB 단일 테이블 설계, API Gateway 비용. ".repeat(Math.ceil(bodyBytes / 80));
  let seq = 0;
  await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path,
        setupRequest: (req, context) => {
          const w = idle.pop();
          if (!w) throw new Error("no idle writer: the pool must be larger than the connection count");
          context.w = w;
          seq++;
          const body = JSON.stringify({
            opId: `op-${process.pid}-${Date.now().toString(36)}-${seq}`,
            noteId: w.noteId,
            eventId: "bench",
            baseVersion: w.version,
            body: `# Save ${seq}\n\n${filler.slice(0, bodyBytes)}`,
            authorId: w.userId, // read by the floor only; the app takes the author from the session
          });
          t0.set(w, performance.now());
          return {
            ...req,
            headers: { "content-type": "application/json", ...(w.cookie ? { cookie: w.cookie } : {}) },
            body,
          };
        },
        onResponse: (status, body, context, headers) => {
          const w = context.w as Writer;
          const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === "server-timing");
          const timing = key ? /session;dur=([0-9.]+)/.exec(String(headers[key])) : null;
          if (timing) sessionMs.push(Number(timing[1]));
          latencies.push(performance.now() - (t0.get(w) ?? performance.now()));
          statuses[status] = (statuses[status] ?? 0) + 1;
          try {
            const json = JSON.parse(body) as { version?: number; serverVersion?: number };
            if (status === 200 && json.version) w.version = json.version;
            if (status === 409 && json.serverVersion) w.version = json.serverVersion;
          } catch {
            // non-JSON error page: counted by status
          }
          idle.unshift(w);
        },
      },
    ],
  });
  // Saves still in flight when the clock stopped finish on the server: let them land, so the next
  // run starts from the versions in the database.
  await new Promise((r) => setTimeout(r, 1500));
  sessionMs.sort((a, b) => a - b);
  return {
    ...summarize(latencies, statuses, seconds, [200]),
    ...(sessionMs.length ? { sessionMs: percentile(sessionMs, 50) } : {}),
  };
}

/** GET `path` on `connections` connections for `seconds`. */
export async function runGets({
  url,
  path,
  connections,
  seconds,
  cookie,
}: {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  cookie?: string;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "GET",
        path,
        setupRequest: (req, context) => {
          context.t0 = performance.now();
          return { ...req, headers: cookie ? { cookie } : ({} as Record<string, string>) };
        },
        onResponse: (status, _body, context) => {
          latencies.push(performance.now() - (context.t0 as number));
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  return summarize(latencies, statuses, seconds, [200]);
}

// The production server `npm start` runs: Next's request handler (the same one `next start` uses)
// on our own HTTP server (lib/cluster/graceful-server.ts), so that SIGTERM drains instead of
// dropping requests, and it only listens once the app is ready to answer (a balancer's connection
// attempts are refused, and go elsewhere, until then).
import type http from "node:http";
import { z } from "zod";
import { existingInvalidationBus } from "./invalidation";
import { createGracefulServer, type ShutdownResult } from "./graceful-server";

const ms = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, "must be a whole number of milliseconds")
    .default(String(fallback))
    .transform(Number)
    .refine((n) => n <= max, `must be at most ${max}`);

const settingsSchema = z.object({
  /** Interface to listen on (default: all). Behind a balancer on the same host: 127.0.0.1. */
  HOST: z.string().min(1).max(255).optional(),
  /** After SIGTERM, keep accepting this long while readiness fails (for balancers with active checks). */
  SHUTDOWN_DELAY_MS: ms(0, 120_000),
  /** Longest wait for requests in flight once the listener is closed; then they are cut. */
  SHUTDOWN_TIMEOUT_MS: ms(15_000, 600_000),
});

export type ServerSettings = z.infer<typeof settingsSchema>;

export function parseServerSettings(
  source: Record<string, string | undefined>,
): { ok: true; settings: ServerSettings } | { ok: false; message: string } {
  const result = settingsSchema.safeParse(source);
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    message: `Summit Notes cannot start: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  };
}

type NextFactory = (options: { dev: boolean; dir: string; hostname?: string; port?: number }) => {
  prepare(): Promise<void>;
  getRequestHandler(): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  close(): Promise<void>;
};

async function loadNext(): Promise<NextFactory> {
  const mod = (await import("next")) as unknown as { default: NextFactory | { default: NextFactory } };
  return typeof mod.default === "function" ? mod.default : mod.default.default;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Serves the build in `dir`/NEXT_DIST_DIR on `port` until SIGTERM/SIGINT, then drains and exits. */
export async function serveNext({
  dir,
  port,
  settings,
  log,
}: {
  dir: string;
  port: number;
  settings: ServerSettings;
  log: (m: string) => void;
}) {
  const next = await loadNext();
  const app = next({ dev: false, dir, hostname: settings.HOST ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const graceful = createGracefulServer((req, res) => handle(req, res));
  await graceful.listen(port, settings.HOST);
  log(`listening on ${settings.HOST ?? "all interfaces"}:${port} (pid ${process.pid})`);

  const stop = async (signal: NodeJS.Signals) => {
    log(
      `${signal}: draining (readiness fails now; listener closes in ${settings.SHUTDOWN_DELAY_MS} ms; in-flight requests get up to ${settings.SHUTDOWN_TIMEOUT_MS} ms)`,
    );
    const result: ShutdownResult = await graceful.shutdown({
      delayMs: settings.SHUTDOWN_DELAY_MS,
      timeoutMs: settings.SHUTDOWN_TIMEOUT_MS,
    });
    log(
      result.timedOut
        ? `drain timed out after ${result.drainedMs} ms: ${result.abandoned} request(s) cut`
        : `drained in ${result.drainedMs} ms`,
    );
    // Let Next run its after() callbacks, and end database connections politely; bounded as well.
    const db = (globalThis as { summitDb?: { $disconnect(): Promise<void> } }).summitDb;
    await Promise.race([
      Promise.allSettled([app.close(), existingInvalidationBus()?.close(), db?.$disconnect()]),
      sleep(3000),
    ]);
    process.exit(0);
  };
  // `on`, not `once`: Ctrl+C in a terminal reaches this process twice (from the terminal and relayed
  // by npm/tsx), and the second must not kill it mid-drain. SIGKILL is there for "now".
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.on(signal, () => {
      if (!stopping) void stop(signal);
      stopping = true;
    });
}

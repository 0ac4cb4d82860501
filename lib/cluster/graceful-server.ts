// An HTTP server that stops the way a load balancer needs:
//   1. draining: readiness fails (lib/cluster/lifecycle.ts); during `delayMs` it still accepts, for
//      balancers that only stop sending after a failed health check (nginx's passive checks need 0);
//   2. the listener closes: new connections are refused, which every balancer retries elsewhere
//      (nothing was sent, so even a POST is safe to retry);
//   3. requests in flight finish; their responses carry `Connection: close` and idle keep-alive
//      connections are closed, so no client sends another request down a socket about to go;
//   4. after `timeoutMs` whatever is still open is cut (a stalled upload must not hold a deploy).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { lifecycle, markDraining } from "./lifecycle";

export type ShutdownResult = { drainedMs: number; timedOut: boolean; abandoned: number };

export type GracefulServer = {
  server: http.Server;
  listen(port: number, host?: string): Promise<number>;
  /** Idempotent: the second call returns the first call's promise. */
  shutdown(options: { delayMs: number; timeoutMs: number }): Promise<ShutdownResult>;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createGracefulServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => unknown,
): GracefulServer {
  const state = lifecycle();
  const active = new Set<http.ServerResponse>();
  let draining = false;
  let stopping: Promise<ShutdownResult> | null = null;

  const server = http.createServer((req, res) => {
    active.add(res);
    state.inFlight++;
    res.once("close", () => {
      active.delete(res);
      state.inFlight--;
      if (draining) server.closeIdleConnections();
    });
    if (draining) res.setHeader("connection", "close");
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((e: unknown) => {
        console.error("[server] request failed", e);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("content-type", "application/json");
          res.end(
            JSON.stringify({ error: "Something went wrong on our side. Nothing was changed.", code: "INTERNAL" }),
          );
        } else res.destroy();
      });
  });

  async function shutdown({ delayMs, timeoutMs }: { delayMs: number; timeoutMs: number }): Promise<ShutdownResult> {
    const started = Date.now();
    markDraining(started);
    draining = true;
    if (delayMs > 0) await sleep(delayMs);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A connection that finishes its request after this point is closed by the response's own
    // `close` handler; this sweep catches responses whose headers went out before draining began.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const timedOut = await Promise.race([closed.then(() => false), sleep(timeoutMs).then(() => true)]);
    clearInterval(sweep);
    const abandoned = active.size;
    if (timedOut) server.closeAllConnections();
    return { drainedMs: Date.now() - started, timedOut, abandoned: timedOut ? abandoned : 0 };
  }

  return {
    server,
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    shutdown: (options) => (stopping ??= shutdown(options)),
  };
}

// The draining server with a plain handler (the cluster test does the same with Next behind nginx).
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGracefulServer, type GracefulServer } from "./graceful-server";
import { isDraining, lifecycle } from "./lifecycle";

const servers: GracefulServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.server.closeAllConnections();
});

async function start(handler: (req: http.IncomingMessage, res: http.ServerResponse) => unknown) {
  const s = createGracefulServer(handler);
  servers.push(s);
  const port = await s.listen(0, "127.0.0.1");
  return { s, port };
}

function get(
  port: number,
  agent?: http.Agent,
): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      })
      .on("error", reject);
  });
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

describe("graceful server", () => {
  it("SIGTERM-style shutdown: readiness fails, new connections are refused, the request in flight finishes with Connection: close", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { s, port } = await start(async (_req, res) => {
      await held;
      res.end("done");
    });
    const inFlight = get(port);
    for (let i = 0; i < 200 && lifecycle().inFlight === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lifecycle().inFlight).toBe(1);

    const stopping = s.shutdown({ delayMs: 0, timeoutMs: 5000 });
    expect(isDraining()).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(await refused(port), "the listener is closed").toBe(true);
    release();
    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 200, body: "done" });
    const result = await stopping;
    expect(result.timedOut).toBe(false);
    expect(lifecycle().inFlight).toBe(0);
  });

  it("idle keep-alive connections do not hold the shutdown (closed at once, not after keepAliveTimeout)", async () => {
    const { s, port } = await start((_req, res) => res.end("ok"));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(port, agent)).status).toBe(200); // leaves an idle keep-alive socket
      const result = await s.shutdown({ delayMs: 0, timeoutMs: 10_000 });
      expect(result.timedOut).toBe(false);
      expect(result.drainedMs).toBeLessThan(1000);
    } finally {
      agent.destroy();
    }
  });

  it("with a delay, it keeps answering while readiness already fails", async () => {
    const { s, port } = await start((_req, res) => res.end("still here"));
    const stopping = s.shutdown({ delayMs: 400, timeoutMs: 5000 });
    expect(isDraining()).toBe(true);
    const during = await get(port);
    expect(during).toMatchObject({ status: 200, body: "still here", connection: "close" });
    await stopping;
    expect(await refused(port)).toBe(true);
  });

  it("bounded: a request that never finishes (a stalled upload) is cut after the timeout instead of holding the process", async () => {
    const { s, port } = await start((req, res) => {
      req.on("end", () => res.end("never"));
      req.resume();
    });
    const socket = net.connect({ port, host: "127.0.0.1" });
    await new Promise((r) => socket.once("connect", r));
    socket.on("error", () => undefined);
    socket.write(
      'POST /api/notes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
    );
    for (let i = 0; i < 200 && lifecycle().inFlight === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const closedByServer = new Promise((r) => socket.once("close", r));
    const result = await s.shutdown({ delayMs: 0, timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, abandoned: 1 });
    expect(result.drainedMs).toBeLessThan(2000);
    await closedByServer;
  });
});

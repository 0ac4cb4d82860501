// A cluster on loopback, as docs/deploy.md describes it: N app instances started the way
// production starts them (`node --import tsx scripts/start.ts`: prepare under the lock, then the
// draining server), all on one PostgreSQL with one secret, behind nginx (lib/cluster/nginx.ts).
// Used by the cluster test (scripts/test-cluster.spec.ts) and the benchmark (scripts/bench/cluster.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { startNginx, type Nginx } from "./nginx";

export type Instance = {
  name: string;
  port: number;
  /** Direct URL of this instance (bypassing nginx). */
  url: string;
  proc: ChildProcess;
  output(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code (null after a signal). */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after stop or kill). */
  restart(): Promise<Instance>;
};

export type LocalCluster = { url: string; nginx: Nginx; instances: Instance[]; secret: string; stop(): Promise<void> };

type InstanceOptions = {
  name: string;
  port: number;
  distDir: string;
  databaseUrl: string;
  secret: string;
  publicUrl: string;
  env?: Record<string, string>;
  /** The start script (scripts/start.ts; another to compare an older life cycle). */
  startScript?: string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function exited(proc: ChildProcess): Promise<number | null> {
  return proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve(proc.exitCode)
    : new Promise((r) => proc.once("exit", (code) => r(code)));
}

/** Polls /api/ready until 200 (the server only listens once Next is prepared). */
export async function waitUntilReady(
  url: string,
  { timeoutMs = 120_000, proc, output }: { timeoutMs?: number; proc?: ChildProcess; output?: () => string } = {},
) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && (proc.exitCode !== null || proc.signalCode !== null))
      throw new Error(
        `instance exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${output?.() ?? ""}`,
      );
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms:\n${output?.() ?? ""}`);
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const { name, port, distDir, databaseUrl, secret, publicUrl, env = {}, startScript = "scripts/start.ts" } = options;
  const proc = spawn(process.execPath, ["--import", "tsx", path.resolve(startScript)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: publicUrl,
      TRUST_PROXY: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  let out = "";
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-30_000));
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    name,
    port,
    url,
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited(proc);
    },
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited(proc);
    },
    restart: () => startInstance(options),
  };
  try {
    await waitUntilReady(url, { proc, output: () => out });
  } catch (e) {
    await instance.kill();
    throw e;
  }
  return instance;
}

/** `count` instances of the build in `distDir` on `databaseUrl` (already created; migrated on start), nginx in front. */
export async function startLocalCluster({
  count,
  distDir,
  databaseUrl,
  env,
  startScript,
}: {
  count: number;
  distDir: string;
  databaseUrl: string;
  env?: Record<string, string>;
  startScript?: string;
}): Promise<LocalCluster> {
  const secret = randomBytes(32).toString("base64url");
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const nginxPort = await freePort();
  const publicUrl = `http://127.0.0.1:${nginxPort}`;
  const names = "ABCDEFGH";
  // Started together: they take turns preparing the database (lib/cluster/prepare-lock.ts).
  const started = await Promise.allSettled(
    ports.map((port, i) =>
      startInstance({ name: names[i] ?? `#${i}`, port, distDir, databaseUrl, secret, publicUrl, env, startScript }),
    ),
  );
  const instances = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(instances.map((i) => i.kill()));
    throw (failed as PromiseRejectedResult).reason;
  }
  let nginx: Nginx;
  try {
    nginx = await startNginx({ upstreams: ports.map((p) => `127.0.0.1:${p}`), port: nginxPort });
  } catch (e) {
    await Promise.all(instances.map((i) => i.kill()));
    throw e;
  }
  const cluster: LocalCluster = {
    url: publicUrl,
    nginx,
    instances,
    secret,
    stop: async () => {
      await nginx.stop();
      await Promise.all(cluster.instances.map((i) => i.stop()));
    },
  };
  return cluster;
}

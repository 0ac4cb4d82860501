// nginx from Debian's packages in front of local app instances, for the cluster test and the
// benchmark: the config is deploy/nginx.conf with its placeholders filled in, nginx runs in the
// foreground as our child process on a free loopback port, with its pid, logs and temp files in a
// temp folder of its own (no root paths, nothing left behind).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX_TEMPLATE = path.resolve(import.meta.dirname, "../../deploy/nginx.conf");
const TEMP_DIRS = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"];

export function findNginx(): string | null {
  const fromPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return fromPath;
  return existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;
}

/** Installs a Debian package with apt-get (as scripts/test.sh installs chromium); needs root. */
export function aptInstall(pkg: string, log: (m: string) => void = console.log) {
  if (process.getuid?.() !== 0)
    throw new Error(
      `${pkg} is not installed and installing it needs root: run \`apt-get install -y ${pkg}\` and try again`,
    );
  log(`installing Debian's ${pkg}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", pkg],
  ]) {
    const res = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (res.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${res.status})`);
  }
}

/** nginx, installed from Debian's packages (`nginx-light`) when missing. */
export function ensureNginx(log: (m: string) => void = console.log): string {
  const found = findNginx();
  if (found) return found;
  aptInstall("nginx-light", log);
  const installed = findNginx();
  if (!installed) throw new Error("nginx-light was installed but no nginx binary was found");
  return installed;
}

export type NginxSettings = {
  /** `host:port` (or a port) to listen on. */
  listen: string;
  /** `host:port` of each app instance. */
  upstreams: string[];
  runtimeDir: string;
  /** How long an instance that refused a connection is skipped. */
  failTimeoutSeconds?: number;
};

/** deploy/nginx.conf with its placeholders filled in. */
export function renderNginxConfig(
  template: string,
  { listen, upstreams, runtimeDir, failTimeoutSeconds = 2 }: NginxSettings,
): string {
  if (upstreams.length === 0) throw new Error("nginx needs at least one upstream");
  for (const value of [listen, runtimeDir, ...upstreams]) {
    // Values land inside nginx directives: nothing that could end one or start another.
    if (/[\s;{}#'"$\\]/.test(value)) throw new Error(`not a safe nginx value: ${JSON.stringify(value)}`);
  }
  const servers = upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=${failTimeoutSeconds}s;`).join("\n");
  // Comments keep their placeholders (they explain them).
  const filled = template
    .split("\n")
    .map((l) =>
      l.trimStart().startsWith("#")
        ? l
        : l
            .replaceAll("@RUNTIME_DIR@", runtimeDir)
            .replaceAll("@LISTEN@", listen)
            .replaceAll("@UPSTREAM_SERVERS@", servers),
    )
    .join("\n");
  const left = filled.split("\n").filter((l) => !l.trimStart().startsWith("#") && /@[A-Z_]+@/.test(l));
  if (left.length) throw new Error(`unfilled placeholder in the nginx template: ${left[0].trim()}`);
  return filled;
}

export type Nginx = {
  url: string;
  port: number;
  dir: string;
  proc: ChildProcess;
  /** The access log's lines so far (format `upstream` of deploy/nginx.conf). */
  accessLog(): string[];
  errorLog(): string;
  stop(): Promise<void>;
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

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Starts nginx in front of `upstreams` on a free loopback port (or `port`). */
export async function startNginx({
  upstreams,
  port,
  failTimeoutSeconds,
}: {
  upstreams: string[];
  port?: number;
  failTimeoutSeconds?: number;
}): Promise<Nginx> {
  const binary = ensureNginx();
  const dir = mkdtempSync(path.join(os.tmpdir(), "summit-nginx-"));
  // As root, nginx's workers run as `nobody`: they must reach the temp folders.
  chmodSync(dir, 0o755);
  for (const d of TEMP_DIRS) {
    mkdirSync(path.join(dir, d));
    chmodSync(path.join(dir, d), 0o777);
  }
  const listenPort = port ?? (await freePort());
  const config = renderNginxConfig(readFileSync(NGINX_TEMPLATE, "utf8"), {
    listen: `127.0.0.1:${listenPort}`,
    upstreams,
    runtimeDir: dir,
    failTimeoutSeconds,
  });
  const confFile = path.join(dir, "nginx.conf");
  writeFileSync(confFile, config);
  const test = spawnSync(binary, ["-t", "-q", "-p", dir, "-c", confFile, "-e", path.join(dir, "error.log")], {
    encoding: "utf8",
  });
  if (test.status !== 0) throw new Error(`nginx refused the generated config: ${test.stderr}`);

  const proc = spawn(binary, ["-p", dir, "-c", confFile, "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (b: Buffer) => (stderr = (stderr + b.toString()).slice(-10_000)));
  const until = Date.now() + 15_000;
  while (!(await accepts(listenPort))) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}: ${stderr}`);
    if (Date.now() > until) throw new Error(`nginx did not listen on ${listenPort} within 15 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const read = (file: string) => (existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), "utf8") : "");
  return {
    url: `http://127.0.0.1:${listenPort}`,
    port: listenPort,
    dir,
    proc,
    accessLog: () => read("access.log").split("\n").filter(Boolean),
    errorLog: () => read("error.log") + stderr,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGQUIT"); // graceful: finish what is in flight
        const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

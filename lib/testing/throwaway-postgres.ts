// Starts a private PostgreSQL cluster in a temp folder for the tests (initdb + pg_ctl on a free
// port), unless TEST_POSTGRES_URL names a server to use. `npm test` starts one for the whole run
// (scripts/test-postgres.ts); vitest's global setup and the e2e PostgreSQL run start their own otherwise.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type ThrowawayPostgres = { url: string; dir: string; stop: () => void };

function findPgBin(name: string): string {
  const fromPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return fromPath;
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort().reverse()) {
      const candidate = path.join(root, v, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`PostgreSQL's ${name} was not found; install the 'postgresql' package (scripts/test.sh does this)`);
}

/** PostgreSQL refuses to run as root: its tools run as the postgres user when we are root. */
function asPg(cmd: string, args: string[]) {
  return process.getuid?.() === 0
    ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" })
    : execFileSync(cmd, args, { stdio: "pipe" });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const initdb = findPgBin("initdb");
  const pgCtl = findPgBin("pg_ctl");
  const dir = mkdtempSync(path.join(os.tmpdir(), "summit-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  asPg(initdb, ["-D", dataDir, "-U", "summit", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  asPg(pgCtl, [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`,
    "start",
  ]);
  return { url: `postgresql://summit@127.0.0.1:${port}/postgres`, dir, stop: () => stopThrowawayPostgres(dir) };
}

/** Stops a cluster started by startThrowawayPostgres (also from another process: scripts/test-postgres.ts) and deletes it. */
export function stopThrowawayPostgres(dir: string): void {
  try {
    asPg(findPgBin("pg_ctl"), ["-D", path.join(dir, "data"), "-m", "immediate", "-w", "stop"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

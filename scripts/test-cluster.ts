// `npm run test:cluster`: several app instances on PostgreSQL behind nginx, on loopback.
// Uses the production build NEXT_DIST_DIR names (`npm test` passes its .next), else .next-cluster,
// built first when missing. nginx comes from Debian's packages (installed when missing, as root);
// PostgreSQL is the server TEST_POSTGRES_URL names, else a throw-away cluster (Debian's postgresql
// installed when its binaries are missing). The cases are in
// scripts/test-cluster.spec.ts; arguments go to vitest (e.g. -t "rolling").
import { spawnSync } from "node:child_process";
import path from "node:path";
import { aptInstall, ensureNginx } from "../lib/cluster/nginx";
import { hasBuild } from "./bench/harness";

const dist = process.env.NEXT_DIST_DIR || ".next-cluster";
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NEXT_TELEMETRY_DISABLED: "1" };

const log = (m: string) => console.log(`[test:cluster] ${m}`);
const hasInitdb = () =>
  spawnSync("sh", ["-c", "command -v initdb || ls /usr/lib/postgresql/*/bin/initdb"], { stdio: "ignore" }).status === 0;
try {
  ensureNginx(log);
  if (!process.env.TEST_POSTGRES_URL && !hasInitdb()) aptInstall("postgresql", log);
} catch (e) {
  console.error(`[test:cluster] ${(e as Error).message}`);
  process.exit(1);
}
if (!hasBuild(dist)) {
  console.log(`[test:cluster] no production build in ${dist}: building it`);
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...env, NEXT_DIST_DIR: dist },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(
  process.execPath,
  [
    path.resolve("node_modules/vitest/vitest.mjs"),
    "run",
    "--config",
    "scripts/test-cluster.config.ts",
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: { ...env, CLUSTER_DIST_DIR: dist, NEXT_DIST_DIR: undefined },
  },
);
process.exit(run.status ?? 1);

// The Playwright specs tagged @db (e2e/helpers.ts `DB`) again, with the app on PostgreSQL: a private
// throw-away cluster, or a fresh database in the server TEST_POSTGRES_URL names (`npm test` starts
// one per run). `--all` runs every spec; other arguments go to `playwright test`.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startThrowawayPostgres } from "../lib/testing/throwaway-postgres";

async function withDatabase<T>(run: (url: string) => T): Promise<T> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    const cluster = await startThrowawayPostgres();
    try {
      return run(cluster.url);
    } finally {
      cluster.stop();
    }
  }
  const name = `summit_e2e_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const status = await withDatabase((url) => {
  console.log(`[e2e-postgres] Playwright against ${url.replace(/\/\/[^@]*@/, "//")}`);
  const args = process.argv.slice(2);
  const selection = args.includes("--all") ? args.filter((a) => a !== "--all") : ["--grep", "@db", ...args];
  const res = spawnSync("npx", ["playwright", "test", ...selection], {
    stdio: "inherit",
    env: { ...process.env, E2E_DATABASE_URL: url, E2E_PORT: process.env.E2E_PORT ?? "3101" },
  });
  return res.status ?? 1;
});
process.exit(status);

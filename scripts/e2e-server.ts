// Serves the production build for Playwright on a throw-away database: a fresh SQLite file, or
// the PostgreSQL database E2E_DATABASE_URL names. Started and stopped by playwright.config.ts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-database";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  let url = process.env.E2E_DATABASE_URL;
  if (!url) {
    const dir = path.resolve("test-results", `e2e-db-${port}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    url = `file:${path.join(dir, "e2e.db")}`;
  }
  await prepareDatabase(url, { log: (m) => console.log(`[e2e-server] ${m}`) });
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(`e2e server failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

// `npm start`: prepare everything on the first run (secret, migrations, seed, production build),
// keep existing data on later runs, then serve on http://localhost:$PORT (default 3000).
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { prepareDatabase } from "./prepare-database";

const root = process.cwd();
const dataDir = path.join(root, "data");
mkdirSync(dataDir, { recursive: true });

function loadOrCreateSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function sourceStamp(): string {
  const hash = createHash("sha256");
  try {
    hash.update(execFileSync("git", ["rev-parse", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }));
    hash.update(execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { stdio: ["ignore", "pipe", "ignore"] }));
  } catch {
    hash.update("no-git");
  }
  if (existsSync("package-lock.json")) hash.update(readFileSync("package-lock.json"));
  return hash.digest("hex");
}

async function main() {
  const port = process.env.PORT ?? "3000";
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? loadOrCreateSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const parsed = parseEnv(env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(1);
  }

  await prepareDatabase(env.DATABASE_URL, { log: (m) => console.log(`[start] ${m}`) });

  const stampFile = path.join(root, ".next", "summit-source-stamp");
  const stamp = sourceStamp();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (!built) {
    console.log("[start] building the app (first run or changed sources)…");
    execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: env as NodeJS.ProcessEnv });
    writeFileSync(stampFile, stamp);
  }

  console.log(`[start] Summit Notes on http://localhost:${port}`);
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(`Summit Notes cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

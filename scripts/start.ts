// `npm start`: prepare everything on the first run (secret, migrations, seed, production build),
// keep existing data on later runs, then serve on http://localhost:$PORT (default 3000).
// NEXT_DIST_DIR names a build to serve as it is (several instances of one build: docs/deploy.md).
// The server drains on SIGTERM (lib/cluster/serve-next.ts); it runs in this process, so a process
// manager's signals reach it directly (`node --import tsx scripts/start.ts` skips tsx's wrapper).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withPrepareLock } from "../lib/cluster/prepare-lock";
import { parseServerSettings, serveNext } from "../lib/cluster/serve-next";
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
    hash.update(
      execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { stdio: ["ignore", "pipe", "ignore"] }),
    );
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
  const server = parseServerSettings(env);
  if (!parsed.ok || !server.ok || !/^\d{1,5}$/.test(port)) {
    console.error(
      !parsed.ok
        ? parsed.message
        : !server.ok
          ? server.message
          : `Summit Notes cannot start: PORT must be a port number, got "${port}"`,
    );
    process.exit(1);
  }

  const log = (m: string) => console.log(`[start] ${m}`);
  await withPrepareLock(env.DATABASE_URL, () => prepareDatabase(env.DATABASE_URL, { log }), { log });

  const namedBuild = process.env.NEXT_DIST_DIR;
  if (namedBuild) {
    if (!existsSync(path.resolve(root, namedBuild, "BUILD_ID"))) {
      console.error(
        `Summit Notes cannot start: NEXT_DIST_DIR=${namedBuild} has no build; run \`NEXT_DIST_DIR=${namedBuild} npx next build\` first`,
      );
      process.exit(1);
    }
  } else {
    const stampFile = path.join(root, ".next", "summit-source-stamp");
    const stamp = sourceStamp();
    const built =
      existsSync(path.join(root, ".next", "BUILD_ID")) &&
      existsSync(stampFile) &&
      readFileSync(stampFile, "utf8") === stamp;
    if (!built) {
      log("building the app (first run or changed sources)…");
      execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
        stdio: "inherit",
        env: env as NodeJS.ProcessEnv,
      });
      writeFileSync(stampFile, stamp);
    }
  }

  // The app reads its settings from process.env; Next must see production before it loads.
  Object.assign(process.env, env);
  log(`Summit Notes on ${env.NEXTAUTH_URL}${namedBuild ? ` (build ${namedBuild})` : ""}`);
  await serveNext({ dir: root, port: Number(port), settings: server.settings, log });
}

main().catch((e: unknown) => {
  console.error(`Summit Notes cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

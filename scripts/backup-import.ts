// Restores a JSON backup (from backup:export or a download) into an EMPTY instance: the database
// DATABASE_URL names is migrated first (never seeded), then everything is inserted in one transaction.
//   DATABASE_URL=file:./restored.db npm run backup:import -- <backup.json>
// Refused, with nothing written: a non-empty target (users, events, teams or notes), an invalid or
// newer file, rows that clash. Exit codes: 0 restored, 1 refused/failed, 2 wrong usage.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readBackupJson, restoreBackup } from "../lib/data/backup";
import { resolveDatabaseUrl } from "../lib/database-url";
import { createPrismaClient } from "../lib/db-client";

const USAGE = "usage: npm run backup:import -- <backup.json>   (into the empty database DATABASE_URL names)";
class UsageError extends Error {}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  if (parsed.values.help) return console.log(USAGE);
  if (parsed.positionals.length !== 1) throw new UsageError(`give exactly one backup file (${USAGE})`);
  const file = parsed.positionals[0];
  const info = (() => {
    try {
      return statSync(file);
    } catch {
      return null;
    }
  })();
  if (!info?.isFile()) throw new UsageError(`cannot read '${file}': no such file`);
  let raw: unknown;
  try {
    raw = readBackupJson(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`'${file}' is not JSON; nothing was restored`);
  }
  const target = resolveDatabaseUrl(process.env.DATABASE_URL);
  if (target.sqlitePath) mkdirSync(path.dirname(target.sqlitePath), { recursive: true });
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: target.url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "pipe",
  });
  const db = createPrismaClient(target.url);
  try {
    const summary = await restoreBackup(db, raw);
    const counts = Object.entries(summary.counts)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n}`);
    console.log(
      `backup-import: ${summary.scope} backup restored into ${target.isPostgres ? "PostgreSQL" : target.sqlitePath}: ${counts.join(", ")}${summary.servicesMatched ? ` (${summary.servicesMatched} services matched by slug)` : ""}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(`backup-import: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});

// Migrates the database DATABASE_URL names (SQLite default or PostgreSQL), switches SQLite to WAL,
// and seeds it. Safe to run on every start: nothing that exists is changed.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabaseUrl } from "../lib/database-url";
import { createPrismaClient } from "../lib/db-client";
import { seedDatabase } from "../prisma/seed-data/seed";

export async function prepareDatabase(rawUrl: string | undefined, { log = console.log }: { log?: (m: string) => void } = {}) {
  const target = resolveDatabaseUrl(rawUrl);
  if (target.sqlitePath) mkdirSync(path.dirname(target.sqlitePath), { recursive: true });
  try {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: target.url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: "pipe",
    });
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? "") + String((e as { stderr?: Buffer }).stderr ?? "");
    const line = out.split("\n").find((l) => /error|P\d{4}/i.test(l)) ?? "see `npx prisma migrate deploy`";
    throw new Error(`could not migrate the database at ${target.isPostgres ? "DATABASE_URL" : target.sqlitePath}: ${line.trim()}`);
  }
  if (target.sqlitePath) {
    // WAL lets readers work while a note is being saved; it is a property of the file, set once.
    const sqlite = new Database(target.sqlitePath);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  log(`database ready (${target.isPostgres ? "PostgreSQL" : `SQLite ${path.relative(process.cwd(), target.sqlitePath!)}`})`);
  const db = createPrismaClient(target.url);
  try {
    const summary = await seedDatabase(db);
    log(summary);
  } finally {
    await db.$disconnect();
  }
}

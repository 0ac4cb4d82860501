// Brings a database up to date the way `npm start` does: `prisma migrate deploy`, then WAL for
// SQLite. npm start (prepare-database.ts) and the CLIs (agenda and write-up import/export) call it,
// so a CLI run on a database npm start never saw migrates it instead of failing with a raw Prisma
// error. Spawning Prisma's CLI costs seconds, so it only runs when a migration is not yet applied.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { resolveDatabaseUrl, type DatabaseTarget } from "../lib/database-url";

function migrationNames(target: DatabaseTarget): string[] {
  const dir = path.resolve(target.isPostgres ? "prisma/postgres/migrations" : "prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name);
}

const APPLIED = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** Names of the migrations the database has applied; null when that cannot be told (then deploy decides). */
async function appliedMigrations(target: DatabaseTarget): Promise<Set<string> | null> {
  try {
    if (!target.isPostgres) {
      if (!existsSync(target.sqlitePath!)) return new Set();
      const sqlite = new Database(target.sqlitePath!, { readonly: true, fileMustExist: true });
      try {
        const table = sqlite
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
          .get();
        return new Set(
          table ? (sqlite.prepare(APPLIED).all() as { migration_name: string }[]).map((r) => r.migration_name) : [],
        );
      } finally {
        sqlite.close();
      }
    }
    const client = new Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ exists: boolean }>(
        `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
      );
      if (!rows[0].exists) return new Set();
      return new Set((await client.query<{ migration_name: string }>(APPLIED)).rows.map((r) => r.migration_name));
    } finally {
      await client.end();
    }
  } catch {
    return null;
  }
}

function deploy(target: DatabaseTarget): void {
  if (target.sqlitePath) mkdirSync(path.dirname(target.sqlitePath), { recursive: true });
  try {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: target.url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: "pipe",
    });
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? "") + String((e as { stderr?: Buffer }).stderr ?? "");
    const line = out.split("\n").find((l) => /error|P\d{4}/i.test(l)) ?? "see `npx prisma migrate deploy`";
    throw new Error(
      `could not migrate the database at ${target.isPostgres ? "DATABASE_URL" : target.sqlitePath}: ${line.trim()}`,
    );
  }
}

/** WAL lets readers work while a note is being saved; a property of the file (a no-op once set). */
function setWal(target: DatabaseTarget): void {
  if (!target.sqlitePath) return;
  const sqlite = new Database(target.sqlitePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

/** Applies what is pending; returns the migrations it applied (none on an up-to-date database). */
export async function migrateDatabase(rawUrl: string | undefined): Promise<{ applied: string[]; where: string }> {
  const target = resolveDatabaseUrl(rawUrl);
  const where = target.isPostgres
    ? "DATABASE_URL"
    : path.relative(process.cwd(), target.sqlitePath!) || target.sqlitePath!;
  const before = await appliedMigrations(target);
  const pending = migrationNames(target).filter((name) => !before?.has(name));
  if (!before || pending.length) deploy(target);
  setWal(target);
  return { applied: before ? pending : [], where };
}

/** For the CLIs: migrate first, saying so on stderr (stdout may be the exported file). */
export async function migrateForCli(
  tool: string,
  rawUrl: string | undefined = process.env.DATABASE_URL,
): Promise<void> {
  const { applied, where } = await migrateDatabase(rawUrl);
  if (applied.length)
    console.error(`${tool}: the database at ${where} was not up to date; applied ${applied.length} migration(s) first`);
}

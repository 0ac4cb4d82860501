// Migrates the database DATABASE_URL names (SQLite default or PostgreSQL), switches SQLite to WAL,
// and seeds it. Safe to run on every start: nothing that exists is changed. (The CLIs only migrate:
// scripts/migrate-database.ts.)
import path from "node:path";
import { resolveDatabaseUrl } from "../lib/database-url";
import { createPrismaClient } from "../lib/db-client";
import { seedDatabase } from "../prisma/seed-data/seed";
import { migrateDatabase } from "./migrate-database";

export async function prepareDatabase(
  rawUrl: string | undefined,
  { log = console.log }: { log?: (m: string) => void } = {},
) {
  const target = resolveDatabaseUrl(rawUrl);
  await migrateDatabase(target.url);
  log(
    `database ready (${target.isPostgres ? "PostgreSQL" : `SQLite ${path.relative(process.cwd(), target.sqlitePath!)}`})`,
  );
  const db = createPrismaClient(target.url);
  try {
    const summary = await seedDatabase(db);
    log(summary);
  } finally {
    await db.$disconnect();
  }
}

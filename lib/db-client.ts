// Creates the Prisma client for whichever database DATABASE_URL names. Used by the app (via
// lib/db.ts), the seed, the CLIs and the tests, so all of them talk to the database the same way.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { resolveDatabaseUrl } from "./database-url";

/**
 * SQLite: one better-sqlite3 connection per process (the adapter queues transactions on it), WAL
 * journal (set once per file by scripts/prepare-database.ts), a 5 s busy timeout for other
 * processes (CLI imports, a second server) and synchronous=NORMAL, the setting SQLite recommends with WAL: a commit
 * survives the process being killed (SIGKILL, crash; see lib/reliability/crash.test.ts) and only an
 * OS crash or power cut may drop the last commits, and it saves an fsync per note save (~20× faster
 * commits here). Per connection, so set on every connect.
 */
class TunedSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL;");
    return adapter;
  }
}

/** Both generated clients have the same API; the SQLite one names the type. */
export type Db = PrismaClient;

export function createPrismaClient(rawUrl: string | undefined = process.env.DATABASE_URL): Db {
  const target = resolveDatabaseUrl(rawUrl);
  if (target.isPostgres) {
    const client = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
    return client as unknown as Db;
  }
  return new PrismaClient({ adapter: new TunedSQLite3({ url: target.url, timeout: 5000 }) });
}

export function isPostgresUrl(rawUrl: string | undefined = process.env.DATABASE_URL): boolean {
  return resolveDatabaseUrl(rawUrl).isPostgres;
}

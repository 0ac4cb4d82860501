// Creates the Prisma client for whichever database DATABASE_URL names. Used by the app (via
// lib/db.ts), the seed, the CLIs and the tests, so all of them talk to the database the same way.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
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
  /** The adapter's own connection, once Prisma has opened it (see `rawDriverOf`). */
  connection: BetterSqlite3.Database | null = null;

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL;");
    this.connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    return adapter;
  }
}

/**
 * The driver under a Prisma client, for the one hot path that runs its own prepared statements
 * (the note save, lib/data/note-save-fast.ts): SQLite's single connection (shared with Prisma, so
 * no second writer) or the PostgreSQL pool Prisma uses.
 */
export type RawDriver =
  { kind: "sqlite"; connection: () => BetterSqlite3.Database | null } | { kind: "postgres"; pool: pg.Pool };
const rawDrivers = new WeakMap<object, RawDriver>();

export function rawDriverOf(db: Db): RawDriver | null {
  return rawDrivers.get(db) ?? null;
}

/** Both generated clients have the same API; the SQLite one names the type. */
export type Db = PrismaClient;
/** The client inside an interactive transaction: what every multi-step write in lib/data takes. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createPrismaClient(rawUrl: string | undefined = process.env.DATABASE_URL): Db {
  const target = resolveDatabaseUrl(rawUrl);
  if (target.isPostgres) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const client = new PgPrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    rawDrivers.set(client, { kind: "postgres", pool });
    return client;
  }
  const adapter = new TunedSQLite3({ url: target.url, timeout: 5000 });
  const client = new PrismaClient({ adapter });
  rawDrivers.set(client, { kind: "sqlite", connection: () => adapter.connection });
  return client;
}

export function isPostgresUrl(rawUrl: string | undefined = process.env.DATABASE_URL): boolean {
  return resolveDatabaseUrl(rawUrl).isPostgres;
}

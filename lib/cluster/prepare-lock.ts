// Instances that start together on one PostgreSQL take turns preparing it (migrations, seed):
// without this, two first starts would both seed and one would fail on a unique key. SQLite is one
// process by design and needs no lock.
import pg from "pg";
import { resolveDatabaseUrl } from "../database-url";

/** pg_advisory_lock key for "preparing the database" (Prisma's migrate uses 72707369 for its own). */
export const PREPARE_LOCK_KEY = 7_370_001_018;

export async function withPrepareLock<T>(
  databaseUrl: string | undefined,
  fn: () => Promise<T>,
  { log = (): void => undefined }: { log?: (m: string) => void } = {},
): Promise<T> {
  const target = resolveDatabaseUrl(databaseUrl);
  if (!target.isPostgres) return fn();
  const client = new pg.Client({
    connectionString: target.url,
    application_name: "summit-prepare",
    connectionTimeoutMillis: 30_000,
  });
  await client.connect();
  try {
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PREPARE_LOCK_KEY]);
    if (!got.rows[0].ok) {
      log("another instance is preparing the database; waiting for it");
      await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK_KEY]);
    }
    return await fn();
  } finally {
    // Ending the session releases the lock as well.
    await client.end().catch(() => undefined);
  }
}

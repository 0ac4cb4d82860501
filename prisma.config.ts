import { defineConfig } from "prisma/config";
import { migratePgAdapter, migrateSqliteAdapter } from "./prisma/migrate-adapter";
import { resolveDatabaseUrl } from "./lib/database-url";

// Prisma 6.19.3's WASM schema engine leaves a 60 s timer armed after `migrate dev`,
// so the CLI process lingers ~60 s after finishing. Unref such timers (CLI process only).
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const t = realSetTimeout(fn, ms, ...args);
  if ((ms ?? 0) >= 60_000) t.unref();
  return t;
}) as typeof setTimeout;

const { url, isPostgres } = resolveDatabaseUrl(process.env.DATABASE_URL);

// SQLite full-text search tables (FTS5 + key tables, see the search migration) are not Prisma
// models; declared external so `migrate dev` does not try to drop them.
const SEARCH_TABLES = isPostgres
  ? []
  : ["Note", "Talk"].flatMap((m) => [
      `${m}SearchKey`,
      ...["", "_config", "_data", "_docsize", "_idx"].map((s) => `${m}Search${s}`),
    ]);

export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  tables: { external: SEARCH_TABLES },
  engine: "js",
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (isPostgres) return (await migratePgAdapter(url)) as any;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return migrateSqliteAdapter(url) as any;
  },
});

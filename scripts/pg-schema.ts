// Derives the PostgreSQL schema from the SQLite one: same models, other provider and client output.
import { readFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('output     = "../lib/generated/prisma"', 'output     = "../../lib/generated/prisma-pg"')
    .replace(
      /provider = "sqlite"\n(\s*)url\s*=.*\n/,
      'provider = "postgresql"\n$1url      = "postgresql://localhost/ignored" // the driver adapter wins\n',
    );
  if (out === sqliteSchema || !out.includes('provider = "postgresql"') || !out.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the generator/datasource shape this script expects");
  }
  return "// GENERATED from prisma/schema.prisma by `npm run db:sync-pg-schema`. Do not edit.\n" + out;
}

export function readSqliteSchema(): string {
  return readFileSync(SQLITE_SCHEMA, "utf8");
}

import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/summit-notes.db";

export type DatabaseTarget = { url: string; isPostgres: boolean; sqlitePath?: string };

/**
 * Decides which database a DATABASE_URL names. `file:` (or nothing) is the embedded SQLite
 * default, resolved against the working directory; `postgres://` / `postgresql://` is PostgreSQL.
 * Anything else throws one readable line.
 */
export function resolveDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const value = (raw ?? "").trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new Error(`DATABASE_URL is not a valid PostgreSQL URL: ${redact(value)}`);
    }
    return { url: value, isPostgres: true };
  }
  if (value.startsWith("file:")) {
    const file = value.slice("file:".length).split("?")[0];
    if (!file) throw new Error("DATABASE_URL 'file:' needs a path, e.g. file:./data/summit-notes.db");
    const sqlitePath = path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
    return { url: `file:${sqlitePath}`, isPostgres: false, sqlitePath };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${redact(value)}"`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

import "server-only";
import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import { rawDriverOf, type Db } from "../db-client";

// The autosave hot path: an edit of one's own existing note at the version it was read at. One
// conditional update and one revision insert, atomically, as prepared statements on the driver
// under Prisma (Prisma compiles every query again and runs an interactive transaction as several
// round trips: ~10× the cost, see README "Benchmarks"). Everything else — a new note, a replayed
// op id, a stale version, an unchanged body, another user's note — matches nothing here and goes
// the general way in `saveNote`, which tells those cases apart.

export type FastSave = { noteId: string; authorId: string; baseVersion: number; body: string; opId: string };

/** ISO text as Prisma writes DateTime on SQLite, e.g. 2026-11-29T12:17:35.118+00:00. */
const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");
/** UTC wall time for PostgreSQL's `timestamp(3)` (without zone), as Prisma writes it. */
const postgresNow = () => new Date().toISOString().slice(0, 23).replace("T", " ");

type SqliteStatements = {
  update: BetterSqlite3.Statement;
  insert: BetterSqlite3.Statement;
  save: (s: FastSave, revisionId: string, now: string) => boolean;
};
const sqliteStatements = new WeakMap<BetterSqlite3.Database, SqliteStatements>();

function statementsFor(connection: BetterSqlite3.Database): SqliteStatements {
  let s = sqliteStatements.get(connection);
  if (s) return s;
  const update = connection.prepare(
    'UPDATE "Note" SET "body" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "authorId" = ? AND "version" = ? AND "body" <> ?',
  );
  const insert = connection.prepare(
    'INSERT INTO "NoteRevision" ("id", "noteId", "authorId", "version", "body", "clientOpId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const save = connection.transaction((f: FastSave, revisionId: string, now: string) => {
    if (update.run(f.body, now, f.noteId, f.authorId, f.baseVersion, f.body).changes !== 1) return false;
    insert.run(revisionId, f.noteId, f.authorId, f.baseVersion + 1, f.body, f.opId, now);
    return true;
  });
  s = { update, insert, save };
  sqliteStatements.set(connection, s);
  return s;
}

const POSTGRES_SAVE = `WITH updated AS (
  UPDATE "Note" SET "body" = $1, "version" = "version" + 1, "updatedAt" = $5::timestamp
  WHERE "id" = $2 AND "authorId" = $3 AND "version" = $4 AND "body" <> $1
  RETURNING "id", "version"
)
INSERT INTO "NoteRevision" ("id", "noteId", "authorId", "version", "body", "clientOpId", "createdAt")
SELECT $6, "id", $3, "version", $1, $7, $5::timestamp FROM updated
RETURNING "version"`;

/**
 * Saves an edit of an existing note in one atomic step; the new version, or null when the general
 * path must decide (nothing was written then).
 */
export async function trySaveExistingNote(db: Db, f: FastSave): Promise<number | null> {
  try {
    return await save(db, f);
  } catch (e) {
    // An op id this note already has (a client replaying after the version moved on): the general
    // path answers it as the duplicate it is. Nothing was written (the statement is atomic).
    const code = (e as { code?: string }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505") return null;
    throw e;
  }
}

async function save(db: Db, f: FastSave): Promise<number | null> {
  const driver = rawDriverOf(db);
  if (!driver) return null;
  if (driver.kind === "sqlite") {
    const connection = driver.connection();
    // Before Prisma's first query the connection is not open; inside one of Prisma's interactive
    // transactions (BEGIN issued, awaiting its next query) these statements would join it.
    if (!connection || connection.inTransaction) return null;
    return statementsFor(connection).save(f, randomUUID(), sqliteNow()) ? f.baseVersion + 1 : null;
  }
  const result = await driver.pool.query<{ version: number }>({
    name: "summit-note-save",
    text: POSTGRES_SAVE,
    values: [f.body, f.noteId, f.authorId, f.baseVersion, postgresNow(), randomUUID(), f.opId],
  });
  return result.rowCount === 1 ? Number(result.rows[0].version) : null;
}

// The raw-driver floor for the autosave benchmark: a bare node:http server doing the
// same database write as POST /api/notes (conditional note update + revision insert, atomically)
// straight on the driver, with no Prisma and no framework:
//   - SQLite: better-sqlite3 prepared statements in one transaction, WAL + synchronous=NORMAL as
//     the app (lib/db-client.ts);
//   - PostgreSQL: `pg`, one named (prepared) statement, the update and the insert in one
//     data-modifying CTE, on a pool of the app's size.
// No session, no validation: the author comes from the request body. Started by scripts/bench.ts:
//   DATABASE_URL=… PORT=… tsx scripts/bench/raw-floor.ts
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { serveSaves, type FloorSave } from "./floor-server";

const url = process.env.DATABASE_URL ?? "";
const port = Number(process.env.PORT ?? 3202);

type Save = FloorSave;
type Outcome = { status: "saved"; version: number } | { status: "conflict"; serverVersion: number };

let save: (s: Save) => Promise<Outcome>;
let close: () => Promise<void>;

if (url.startsWith("file:")) {
  const file = url.slice("file:".length).split("?")[0];
  const conn = new Database(file);
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("busy_timeout = 5000");
  const update = conn.prepare(
    'UPDATE "Note" SET "body" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "authorId" = ? AND "version" = ?',
  );
  const insert = conn.prepare(
    'INSERT INTO "NoteRevision" ("id", "noteId", "authorId", "version", "body", "clientOpId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const current = conn.prepare<[string], { version: number }>('SELECT "version" FROM "Note" WHERE "id" = ?');
  const tx = conn.transaction((s: Save): Outcome => {
    const now = new Date().toISOString().replace("Z", "+00:00");
    if (update.run(s.body, now, s.noteId, s.authorId, s.baseVersion).changes !== 1)
      return { status: "conflict", serverVersion: current.get(s.noteId)?.version ?? 0 };
    insert.run(randomUUID(), s.noteId, s.authorId, s.baseVersion + 1, s.body, s.opId, now);
    return { status: "saved", version: s.baseVersion + 1 };
  });
  save = async (s) => tx(s);
  close = async () => void conn.close();
} else {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  const text = `WITH updated AS (
    UPDATE "Note" SET "body" = $1, "version" = "version" + 1, "updatedAt" = $5::timestamp
    WHERE "id" = $2 AND "authorId" = $3 AND "version" = $4 RETURNING "id", "version")
  INSERT INTO "NoteRevision" ("id", "noteId", "authorId", "version", "body", "clientOpId", "createdAt")
  SELECT $6, "id", $3, "version", $1, $7, $5::timestamp FROM updated RETURNING "version"`;
  save = async (s) => {
    const now = new Date().toISOString().slice(0, 23).replace("T", " ");
    const r = await pool.query<{ version: number }>({
      name: "floor-save",
      text,
      values: [s.body, s.noteId, s.authorId, s.baseVersion, now, randomUUID(), s.opId],
    });
    if (r.rowCount === 1) return { status: "saved", version: Number(r.rows[0].version) };
    const c = await pool.query<{ version: number }>({
      name: "floor-current",
      text: 'SELECT "version" FROM "Note" WHERE "id" = $1',
      values: [s.noteId],
    });
    return { status: "conflict", serverVersion: Number(c.rows[0]?.version ?? 0) };
  };
  close = () => pool.end();
}

serveSaves("raw-floor", port, save, () => close());

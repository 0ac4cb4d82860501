// The search migration on a database that already has notes and talks: applied by the real
// `prisma migrate deploy`, it must index what is there (backfill) and keep indexing new rows.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../db-client";
import { testPostgresServerUrl, uniqueSuffix } from "../testing/databases";
import { sqliteSearch } from "./sqlite-search";
import { planQuery } from "./query";

const INIT = "20261122000000_init";

/**
 * `prisma migrate deploy`, either with the project's config or with one that sees only the init
 * migration (the state of a database deployed before search existed).
 */
function deploy(url: string, dir: string, only?: "init") {
  const args = ["migrate", "deploy"];
  if (only) {
    const migrations = url.startsWith("file:") ? "prisma/migrations" : "prisma/postgres/migrations";
    cpSync(`${migrations}/${INIT}`, path.join(dir, "migrations", INIT), { recursive: true });
    cpSync(`${migrations}/migration_lock.toml`, path.join(dir, "migrations", "migration_lock.toml"));
    const config = path.join(dir, "prisma.config.ts");
    writeFileSync(
      config,
      `import base from ${JSON.stringify(path.resolve("prisma.config.ts"))};\n` +
        `export default { ...base, schema: ${JSON.stringify(path.resolve(url.startsWith("file:") ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma"))}, migrations: { path: ${JSON.stringify(path.join(dir, "migrations"))} } };\n`,
    );
    args.push("--config", config);
  }
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), ...args], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "pipe",
  });
}

/** Rows written before the search migration existed. */
const EXISTING_ROWS = `
  INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ('u1', 'u1@example.test', 'U1', CURRENT_TIMESTAMP);
  INSERT INTO "Event" ("id", "name", "slug", "startDate", "endDate", "updatedAt") VALUES ('e1', 'E1', 'e1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
  INSERT INTO "Talk" ("id", "eventId", "title", "abstract", "startsAt", "endsAt", "updatedAt") VALUES ('t1', 'e1', '서버리스 이야기', '다이나모DB 설계', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
  INSERT INTO "Note" ("id", "authorId", "eventId", "talkId", "body", "updatedAt") VALUES ('n1', 'u1', 'e1', 't1', '다이나모DB를 썼다', CURRENT_TIMESTAMP);
`;

describe("search migration on a database with data", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("backfills the SQLite FTS tables and keeps the triggers working", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-search-mig-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "old.db");
    deploy(`file:${file}`, dir, "init");
    const raw = new Database(file);
    expect(raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'NoteSearch'`).get()).toEqual({ n: 0 });
    raw.exec(EXISTING_ROWS);
    raw.close();
    deploy(`file:${file}`, dir);

    const db = createPrismaClient(`file:${file}`);
    cleanups.push(() => db.$disconnect());
    const plan = planQuery("이나모", () => null);
    expect((await sqliteSearch.matchNotes(db, plan, ["n1"], { useTextIndex: true })).map((m) => m.id)).toEqual(["n1"]);
    expect((await sqliteSearch.matchTalks(db, plan)).map((m) => m.id)).toEqual(["t1"]);
    await db.note.create({ data: { id: "n2", authorId: "u1", eventId: "e1", body: "새 노트: 키네시스" } });
    expect(
      (
        await sqliteSearch.matchNotes(
          db,
          planQuery("키네시스", () => null),
          ["n1", "n2"],
          { useTextIndex: true },
        )
      ).map((m) => m.id),
    ).toEqual(["n2"]);
  });

  // Two `prisma migrate deploy` runs on PostgreSQL: over a minute on a loaded 2-core machine.
  it("creates the PostgreSQL trigram index over existing rows", { timeout: 180_000 }, async () => {
    const server = new URL(testPostgresServerUrl());
    const name = `summit_search_mig_${uniqueSuffix()}`;
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(server);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-search-mig-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    deploy(url.toString(), dir, "init");
    const raw = new Client({ connectionString: url.toString() });
    await raw.connect();
    const indexNamed = `SELECT indexdef FROM pg_indexes WHERE indexname = 'Note_body_search_idx'`;
    expect((await raw.query(indexNamed)).rows).toEqual([]);
    await raw.query(EXISTING_ROWS);
    deploy(url.toString(), dir);

    const index = await raw.query(indexNamed);
    expect(index.rows[0]?.indexdef).toContain("gin_trgm_ops");
    await raw.query("SET enable_seqscan = off");
    const plan = await raw.query(`EXPLAIN SELECT "id" FROM "Note" WHERE lower("body") LIKE '%이나모%'`);
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Note_body_search_idx");
    expect((await raw.query(`SELECT "id" FROM "Note" WHERE lower("body") LIKE '%이나모%'`)).rows).toEqual([
      { id: "n1" },
    ]);
    await raw.end();
  });
});

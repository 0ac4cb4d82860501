// Vitest global setup: one throw-away SQLite file and one throw-away PostgreSQL database, both
// migrated, handed to the tests through `inject("sqliteUrl")` / `inject("postgresUrl")`.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "./migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteUrl: string;
    postgresUrl: string;
  }
}

let cluster: ThrowawayPostgres | undefined;
let tmp: string | undefined;

export default async function setup(project: TestProject) {
  tmp = mkdtempSync(path.join(os.tmpdir(), "summit-sqlite-"));
  const sqliteUrl = `file:${path.join(tmp, "test.db")}`;
  migrateDatabase(sqliteUrl);

  let serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    cluster = await startThrowawayPostgres();
    serverUrl = cluster.url;
  }
  const dbName = `summit_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  const postgresUrl = u.toString();
  migrateDatabase(postgresUrl);

  project.provide("sqliteUrl", sqliteUrl);
  project.provide("postgresUrl", postgresUrl);

  return async () => {
    if (!cluster) {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    }
    cluster?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}

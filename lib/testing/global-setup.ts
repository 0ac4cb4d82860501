// Vitest global setup of the projects whose files use a database (vitest.config.ts): migrates one
// template per provider (a SQLite file, a PostgreSQL database) and copies it for each worker (file
// copy; CREATE DATABASE … TEMPLATE), so integration files run side by side, each worker on its own
// pair of databases (lib/testing/databases.ts picks them by VITEST_POOL_ID). PostgreSQL: the
// server TEST_POSTGRES_URL names (`npm test` starts one per run), else a private throw-away cluster.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabaseAsync } from "./migrate";
import { createFromTemplate, databaseUrl } from "./postgres-admin";
import { startThrowawayPostgres } from "./throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** One per worker: index VITEST_POOL_ID - 1. */
    sqliteUrls: string[];
    postgresUrls: string[];
    /** The migrated, never-opened originals the worker databases are copies of. */
    sqliteTemplatePath: string;
    postgresServerUrl: string;
    postgresTemplate: string;
  }
}

type Prepared = { provided: Record<string, string | string[]>; users: number; teardown: () => Promise<void> };

async function prepare(workers: number): Promise<Prepared> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "summit-test-db-"));
  const cluster = process.env.TEST_POSTGRES_URL ? undefined : await startThrowawayPostgres();
  const server = process.env.TEST_POSTGRES_URL ?? cluster!.url;
  const run = `summit_t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const teardown = async () => {
    try {
      if (!cluster) {
        const c = new Client({ connectionString: server });
        await c.connect();
        // The template, the worker databases and those tests made (freshTestDatabase): all start with the run's name.
        const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
          `${run}%`,
        ]);
        for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        await c.end();
      }
    } finally {
      cluster?.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  };
  try {
    const template = `${run}_template`;
    const names = Array.from({ length: workers }, (_, i) => `${run}_w${i + 1}`);
    const admin = new Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${template}"`);
      const sqliteTemplatePath = path.join(tmp, "template.db");
      await Promise.all([
        migrateDatabaseAsync(`file:${sqliteTemplatePath}`),
        migrateDatabaseAsync(databaseUrl(server, template)),
      ]);
      const sqliteUrls = names.map((_, i) => {
        const file = path.join(tmp, `worker-${i + 1}.db`);
        copyFileSync(sqliteTemplatePath, file);
        return `file:${file}`;
      });
      for (const name of names) await createFromTemplate(admin, name, template);
      const provided = {
        sqliteUrls,
        postgresUrls: names.map((n) => databaseUrl(server, n)),
        sqliteTemplatePath,
        postgresServerUrl: server,
        postgresTemplate: template,
      };
      return { provided, users: 0, teardown };
    } finally {
      await admin.end();
    }
  } catch (e) {
    // A failed migration must not leave a private cluster running.
    await teardown().catch(() => undefined);
    throw e;
  }
}

// The database projects (integration, reliability) share one set of databases per run.
const SHARED = Symbol.for("summit-notes.test-databases");
type Shared = { [SHARED]?: Promise<Prepared> };

export default async function setup(project: TestProject) {
  const shared = globalThis as Shared;
  const workers = Math.max(1, Number(project.vitest.config.maxWorkers) || 1);
  const prepared = await (shared[SHARED] ??= prepare(workers));
  prepared.users++;
  for (const [key, value] of Object.entries(prepared.provided)) project.provide(key as "sqliteUrls", value as string[]);
  return async () => {
    if (--prepared.users > 0) return;
    delete shared[SHARED];
    await prepared.teardown();
  };
}

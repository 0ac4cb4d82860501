// Real databases for integration tests: each vitest worker has its own migrated SQLite file and
// PostgreSQL database (lib/testing/global-setup.ts). A test file that imports this module runs in
// the "db" project (vitest.config.ts); files without it run as unit tests, with no database at all.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, inject } from "vitest";
import { createPrismaClient, type Db } from "../db-client";
import { createFromTemplate, databaseUrl } from "./postgres-admin";

export const PROVIDERS = ["sqlite", "postgres"] as const;
export type Provider = (typeof PROVIDERS)[number];

function worker(): number {
  return Number(process.env.VITEST_POOL_ID ?? "1");
}

/** This worker's database of the provider (shared by the files the worker runs, one after another). */
export function testDatabaseUrl(provider: Provider): string {
  const urls = inject(provider === "sqlite" ? "sqliteUrls" : "postgresUrls");
  if (!urls)
    throw new Error(
      'no test databases: this file must import lib/testing/databases so vitest runs it in the "db" project',
    );
  const url = urls[worker() - 1];
  if (!url) throw new Error(`no test database for worker ${worker()} (have ${urls.length})`);
  return url;
}

/** The test PostgreSQL server (for tests that create databases of their own). */
export function testPostgresServerUrl(): string {
  return inject("postgresServerUrl");
}

/**
 * A database of its own for one test: migrated and without rows (a copy of the run's template, so
 * no second migration), or with `unmigrated` not even tables. `drop` removes it.
 */
export async function freshTestDatabase(
  provider: Provider,
  { unmigrated = false } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-fresh-"));
    const file = path.join(dir, "fresh.db");
    if (!unmigrated) copyFileSync(inject("sqliteTemplatePath"), file);
    return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = testPostgresServerUrl();
  const template = inject("postgresTemplate");
  // Named after the run, so the global teardown drops it even if `drop` never runs.
  const name = `${template.replace(/_template$/, "")}_fresh_${uniqueSuffix()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    if (unmigrated) await admin.query(`CREATE DATABASE "${name}"`);
    else await createFromTemplate(admin, name, template);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(server, name),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs a block of integration tests once against SQLite and once against PostgreSQL. */
export function describeEachDatabase(name: string, body: (getDb: () => Db, provider: Provider) => void) {
  for (const provider of PROVIDERS) {
    describe(`${name} [${provider}]`, () => {
      let client: Db | undefined;
      const getDb = () => (client ??= createPrismaClient(testDatabaseUrl(provider)));
      afterAll(async () => {
        await client?.$disconnect();
      });
      body(getDb, provider);
    });
  }
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

// Runs a block of integration tests once against SQLite and once against PostgreSQL.
import { afterAll, describe, inject } from "vitest";
import { createPrismaClient, type Db } from "../db-client";

export const PROVIDERS = ["sqlite", "postgres"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function describeEachDatabase(name: string, body: (getDb: () => Db, provider: Provider) => void) {
  for (const provider of PROVIDERS) {
    describe(`${name} [${provider}]`, () => {
      let client: Db | undefined;
      const getDb = () => (client ??= createPrismaClient(inject(provider === "sqlite" ? "sqliteUrl" : "postgresUrl")));
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

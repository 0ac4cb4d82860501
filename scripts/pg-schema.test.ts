import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, readSqliteSchema } from "./pg-schema";

describe("PostgreSQL schema", () => {
  it("is exactly the SQLite schema with the other provider (run `npm run db:sync-pg-schema`)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readSqliteSchema()));
  });
});

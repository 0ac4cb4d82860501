// The migrations of each provider build exactly the schema (`prisma migrate diff --exit-code`:
// 0 no difference, 2 a difference): a model changed without `migrate dev` fails here, not in a
// deployment. The shadow database the diff replays the migrations into is a temp file (SQLite) or
// a database on the tests' throw-away PostgreSQL server (see prisma/migrate-adapter.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testPostgresServerUrl } from "../lib/testing/databases";

const PROVIDERS = {
  sqlite: { migrations: "prisma/migrations", schema: "prisma/schema.prisma" },
  postgres: { migrations: "prisma/postgres/migrations", schema: "prisma/postgres/schema.prisma" },
} as const;

const tmp = mkdtempSync(path.join(os.tmpdir(), "summit-migrate-diff-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function migrateDiff(provider: keyof typeof PROVIDERS, schema: string) {
  const url = provider === "sqlite" ? `file:${path.join(tmp, `shadow-${Date.now()}.db`)}` : testPostgresServerUrl();
  const res = spawnSync(
    process.execPath,
    [
      path.resolve("node_modules/prisma/build/index.js"),
      "migrate",
      "diff",
      "--from-migrations",
      PROVIDERS[provider].migrations,
      "--to-schema-datamodel",
      schema,
      "--exit-code",
    ],
    {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { status: res.status, output: `${res.stdout}\n${res.stderr}` };
}

describe("migrations match the schema", () => {
  for (const provider of ["sqlite", "postgres"] as const) {
    it(`${provider}: replaying ${PROVIDERS[provider].migrations} gives ${PROVIDERS[provider].schema} (run \`npm run db:migrate\` after a model change)`, () => {
      const { status, output } = migrateDiff(provider, PROVIDERS[provider].schema);
      expect(output).toContain("No difference detected");
      expect(status).toBe(0);
    });

    it(`${provider}: a model the migrations do not create is reported (the check can fail)`, () => {
      const drifted = path.join(tmp, `${provider}-drifted.prisma`);
      writeFileSync(
        drifted,
        `${readFileSync(PROVIDERS[provider].schema, "utf8")}\nmodel DriftCheck {\n  id String @id\n}\n`,
      );
      const { status, output } = migrateDiff(provider, drifted);
      expect(output).toContain("DriftCheck");
      expect(status).toBe(2);
    });
  }
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const TEST_DIRS = ["lib", "scripts", "prisma", "components"];
const TEST_FILE = /\.test\.tsx?$/;
const INCLUDE = TEST_DIRS.map((d) => `${d}/**/*.test.{ts,tsx}`);

function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : testFiles(rel);
    return TEST_FILE.test(e.name) ? [rel] : [];
  });
}

// A test file that uses a database imports lib/testing/databases (describeEachDatabase,
// testDatabaseUrl, freshTestDatabase): it runs in the "db" project, whose global setup makes a
// SQLite file and a PostgreSQL database per worker. Everything else is a unit test: no database,
// no global setup, files in parallel (`npm run test:quick`). New files sort themselves.
const USES_DATABASE = /from\s+["'][./@a-z-]*testing\/databases["']/;
const RELIABILITY = "lib/reliability/**/*.test.ts";
const withDatabase = TEST_DIRS.flatMap(testFiles).filter((f) =>
  USES_DATABASE.test(readFileSync(path.join(root, f), "utf8")),
);

// 2 cores: two files at a time (two workers, each on its own databases).
const WORKERS = Number(process.env.VITEST_WORKERS ?? 2);

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": path.resolve(root, "lib/testing/server-only-stub.ts") } },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: WORKERS,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: INCLUDE, exclude: ["**/node_modules/**", ...withDatabase, RELIABILITY] },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: withDatabase,
          exclude: [RELIABILITY],
          globalSetup: ["lib/testing/global-setup.ts"],
        },
      },
      // The crash/concurrency tests run a production build (RELIABILITY_DIST_DIR; skipped without
      // it) and load the machine: after everything else, one file at a time.
      {
        extends: true,
        test: {
          name: "reliability",
          include: [RELIABILITY],
          globalSetup: ["lib/testing/global-setup.ts"],
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

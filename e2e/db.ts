import path from "node:path";
import { createPrismaClient } from "../lib/db-client";

/** The same database the e2e server uses (see scripts/e2e-server.ts), for arranging and checking state. */
export function e2eDb() {
  return createPrismaClient(
    process.env.E2E_DATABASE_URL ??
      `file:${path.resolve("test-results", `e2e-db-${process.env.E2E_PORT ?? "3100"}`, "e2e.db")}`,
  );
}

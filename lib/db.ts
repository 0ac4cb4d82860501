import "server-only";
import { createPrismaClient, type Db } from "./db-client";

// One client per server process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { summitDb?: Db };

export const db: Db = globalForDb.summitDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.summitDb = db;

export type { Db };

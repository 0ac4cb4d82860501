import "server-only";
import { createPrismaClient, type Db } from "./db-client";

// One client per server process: kept across hot reloads in development and, in production, shared
// by the copies of this module the bundler makes (route handlers and pages/actions are separate
// module graphs). Two clients would be two SQLite connections, whose writes wait on each other and
// fail with SQLITE_BUSY (lib/reliability/connections.test.ts).
const globalForDb = globalThis as unknown as { summitDb?: Db };

export const db: Db = (globalForDb.summitDb ??= createPrismaClient());

export type { Db };

import { execFileSync } from "node:child_process";
import path from "node:path";

/** Applies the migrations of the provider the URL names, through Prisma's CLI (WASM engine). */
export function migrateDatabase(url: string): void {
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "pipe",
  });
}

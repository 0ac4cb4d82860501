import { execFile, execFileSync } from "node:child_process";
import path from "node:path";

const args = () => [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"];
const env = (url: string) => ({
  ...process.env,
  DATABASE_URL: url,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
});

/** The CLI's own error lines, not a dump of its output buffers. */
function migrateError(url: string, e: unknown): Error {
  const out = `${(e as { stdout?: unknown }).stdout ?? ""}\n${(e as { stderr?: unknown }).stderr ?? ""}`;
  const lines = out
    .split("\n")
    .filter((l) => /error|P\d{4}|migration_name/i.test(l))
    .slice(0, 6);
  return new Error(
    `prisma migrate deploy failed for ${url.replace(/\/\/[^@]*@/, "//")}:\n${lines.join("\n") || out.slice(-2000)}`,
  );
}

/** Applies the migrations of the provider the URL names, through Prisma's CLI (WASM engine). */
export function migrateDatabase(url: string): void {
  try {
    execFileSync(process.execPath, args(), { env: env(url), stdio: "pipe" });
  } catch (e) {
    throw migrateError(url, e);
  }
}

/** The same, without blocking: SQLite and PostgreSQL migrate side by side. */
export function migrateDatabaseAsync(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args(), { env: env(url), maxBuffer: 16 * 1024 * 1024 }, (e, stdout, stderr) =>
      e ? reject(migrateError(url, { stdout, stderr })) : resolve(),
    );
  });
}

// Generates both Prisma clients (SQLite default + PostgreSQL) after `npm install`.
// CHECKPOINT_DISABLE stops Prisma's update check from phoning home (no network here).
import { execFileSync } from "node:child_process";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const prisma = ["node_modules/prisma/build/index.js"];
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync(process.execPath, [...prisma, "generate", "--schema", schema], { stdio: "inherit", env });
}

// Writes a versioned JSON backup of the database DATABASE_URL names (lib/data/backup.ts).
//   npm run backup:export -- --all [--out file.json]              the whole instance (as an admin would)
//   npm run backup:export -- --user <email> [--out file.json]     one user's own data
// Without --out the JSON goes to stdout. Exit codes: 0 done, 1 failed, 2 wrong usage.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { exportInstance, exportUser } from "../lib/data/backup";
import { createPrismaClient } from "../lib/db-client";

const USAGE = "usage: npm run backup:export -- (--all | --user <email>) [--out file.json]";
class UsageError extends Error {}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        all: { type: "boolean", default: false },
        user: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  const v = parsed.values;
  if (v.help) return console.log(USAGE);
  if (v.all === !!v.user) throw new UsageError(`give either --all or --user <email> (${USAGE})`);
  const db = createPrismaClient();
  try {
    let backup;
    if (v.all) backup = await exportInstance(db);
    else {
      const user = await db.user.findUnique({ where: { email: v.user!.trim().toLowerCase() }, select: { id: true } });
      if (!user) throw new UsageError(`no user with the email '${v.user}'`);
      backup = await exportUser(db, user.id);
    }
    const json = JSON.stringify(backup);
    if (v.out) await writeFile(v.out, json);
    else process.stdout.write(json);
    const counts = Object.entries(backup.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([t, rows]) => `${t} ${rows.length}`);
    console.error(
      `backup-export: ${backup.scope} backup${v.out ? ` written to ${v.out}` : ""} (${(json.length / 1024).toFixed(0)} KB): ${counts.join(", ")}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(`backup-export: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});

// Prints an event's notes as one Markdown post (the same code as /events/[slug]/writeup).
//   npm run writeup:export -- <event-slug> --user <email> [--flavour jekyll|hugo] [--team <team-slug>] [--locale ko|en]
// The user's own notes, or (--team) the notes shared with a team the user is in. Post to stdout.
// Exit codes: 0 done, 1 not found / not allowed, 2 wrong usage.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

// lib/data/team-notes.ts (the visibility rule) imports "server-only", which only resolves under the
// react-server condition: run again with it rather than copy the rule (as scripts/bench-search.ts).
if (!process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
}

const USAGE =
  "usage: npm run writeup:export -- <event-slug> --user <email> [--flavour jekyll|hugo] [--team TEAM-SLUG] [--locale ko|en]";
class UsageError extends Error {}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        user: { type: "string" },
        flavour: { type: "string", default: "jekyll" },
        team: { type: "string" },
        locale: { type: "string", default: "ko" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  const v = parsed.values;
  if (v.help) return console.log(USAGE);
  if (parsed.positionals.length !== 1) throw new UsageError(`give exactly one event slug (${USAGE})`);
  if (!v.user) throw new UsageError(`--user <email> is required (${USAGE})`);
  if (v.flavour !== "jekyll" && v.flavour !== "hugo") throw new UsageError("--flavour must be jekyll or hugo");
  if (v.locale !== "ko" && v.locale !== "en") throw new UsageError("--locale must be ko or en");
  const { createPrismaClient } = await import("../lib/db-client");
  const { buildEventWriteup } = await import("../lib/data/writeup-export");
  const { migrateForCli } = await import("./migrate-database");
  await migrateForCli("writeup-export");
  const db = createPrismaClient();
  try {
    const user = await db.user.findUnique({
      where: { email: v.user.trim().toLowerCase() },
      select: { id: true, disabledAt: true },
    });
    if (!user || user.disabledAt) throw new UsageError(`no active user with the email '${v.user}'`);
    let teamId: string | undefined;
    if (v.team) {
      const team = await db.team.findUnique({ where: { slug: v.team }, select: { id: true } });
      if (!team) throw new Error(`no team with the slug '${v.team}'`);
      teamId = team.id;
    }
    const post = await buildEventWriteup(db, user.id, parsed.positionals[0], {
      flavour: v.flavour,
      locale: v.locale,
      ...(teamId ? { teamId } : {}),
    });
    process.stdout.write(post.markdown);
    console.error(`writeup-export: ${post.noteCount} note(s), ${post.talkCount} talk(s); save as ${post.fileName}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  const raw = e instanceof Error ? e.message : String(e);
  const message =
    raw === "event_not_found"
      ? `no event with the slug '${process.argv.slice(2).find((a) => !a.startsWith("-"))}'`
      : raw === "team_not_found"
        ? "not a member of that team"
        : raw;
  console.error(`writeup-export: ${message.split("\n").find((l) => l.trim()) ?? "failed"}`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});

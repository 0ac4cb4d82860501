// Imports a Markdown write-up (blog post) as notes of the user --user names, the same code path as
// the /writeups/import page (lib/data/writeup-import.ts: parse → plan → apply: the agenda in one transaction, notes through saveNote).
//   npm run writeup:import -- <file.md> --user <email> [--date YYYY-MM-DD] [--name "Event"]
//                             [--event <slug> | --new-event] [--time-zone Area/City] [--dry-run]
// Without --event/--new-event the notes go to the event with the same name and date when there is
// one (onto its talks by title/time; only admins may add talks to it), else a new event is created.
// Exit codes: 0 done, 1 the file or the database refused (nothing written), 2 wrong usage.
import { spawnSync } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db-client";
import { isAppError } from "../lib/errors";
import { writeupApplyInput, writeupPreviewOptions } from "../lib/validations/writeups";
import { MAX_WRITEUP_BYTES } from "../lib/writeup/types";
import { migrateForCli } from "./migrate-database";

// Notes are saved through lib/data/notes.ts (the one save path), which imports "server-only": that
// only resolves under the react-server condition, so run again with it (as scripts/writeup-export.ts).
if (!process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
}

const USAGE =
  "usage: npm run writeup:import -- <file.md> --user <email> [--date YYYY-MM-DD] [--name NAME] [--event SLUG | --new-event] [--time-zone Area/City] [--dry-run]";

class UsageError extends Error {}

function readArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        user: { type: "string" },
        date: { type: "string" },
        name: { type: "string" },
        event: { type: "string" },
        "new-event": { type: "boolean", default: false },
        "time-zone": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  const v = parsed.values;
  if (v.help) return null;
  if (parsed.positionals.length !== 1) throw new UsageError(`give exactly one Markdown file (${USAGE})`);
  if (!v.user) throw new UsageError(`--user <email> is required: the notes are that user's (${USAGE})`);
  if (v.event && v["new-event"]) throw new UsageError("--event and --new-event exclude each other");
  if (v.date && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError("--date must be YYYY-MM-DD");
  return {
    file: parsed.positionals[0],
    user: v.user,
    date: v.date,
    name: v.name,
    event: v.event,
    newEvent: v["new-event"],
    timeZone: v["time-zone"],
    dryRun: v["dry-run"],
  };
}

async function main() {
  const args = readArguments();
  if (!args) return console.log(USAGE);
  const info = await stat(args.file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`cannot read '${args.file}': no such file`);
  if (info.size > MAX_WRITEUP_BYTES)
    throw new Error(
      `'${args.file}' is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_WRITEUP_BYTES / 1024 / 1024} MB. Nothing was imported.`,
    );
  const bytes = new Uint8Array(await readFile(args.file));
  await migrateForCli("writeup-import");
  // Loaded here, not at the top: ESM imports run before the re-run above, and this one reaches
  // "server-only", which resolves only under the react-server condition.
  const { applyWriteupImport, defaultApplyInput, planWriteupImport } = await import("../lib/data/writeup-import");
  const db = createPrismaClient();
  try {
    const user = await db.user.findUnique({
      where: { email: args.user.trim().toLowerCase() },
      select: { id: true, role: true, disabledAt: true },
    });
    if (!user || user.disabledAt) throw new UsageError(`no active user with the email '${args.user}'`);
    let eventId: string | undefined;
    if (args.event) {
      const e = await db.event.findUnique({ where: { slug: args.event }, select: { id: true } });
      if (!e) throw new UsageError(`no event with the slug '${args.event}'`);
      eventId = e.id;
    }
    const options = writeupPreviewOptions.safeParse({
      fileName: path.basename(args.file),
      timeZone: args.timeZone,
      eventId,
    });
    if (!options.success) throw new UsageError(`--time-zone must be an IANA time zone such as Asia/Seoul`);
    const preview = await planWriteupImport(db, user, bytes, options.data);
    for (const w of preview.warnings) console.error(`warning: ${w}`);
    const input = writeupApplyInput.parse(
      defaultApplyInput(preview, {
        ...(args.date ? { date: args.date } : {}),
        ...(args.name ? { name: args.name } : {}),
        ...(args.newEvent ? { targetId: null } : {}),
      }),
    );
    const talks = preview.sections.filter((s) => s.kind === "talk");
    if (args.dryRun) {
      console.log(
        `Dry run, nothing written. ${input.event.targetId ? `Would add to '${preview.match?.slug}'` : "Would create"}: '${input.event.name}' (${input.event.date}, ${input.event.timeZone})`,
      );
      for (const s of talks)
        console.log(`  ${s.timeUnknown ? "time unknown" : `${s.startTime}–${s.endTime}`} ${s.title}`);
      console.log(
        `  ${preview.sections.length - talks.length} event note(s); a talk without a time in the post keeps its place in order, its time unknown`,
      );
      return;
    }
    const summary = await applyWriteupImport(db, user, input);
    console.log(
      `${summary.event.created ? "Created" : "Added to"} event '${summary.event.name}' (${summary.event.date}) → /events/${summary.event.slug}`,
    );
    for (const t of summary.talks)
      console.log(
        `  ${t.startTime ? `${t.startTime}–${t.endTime}` : "time unknown"} ${t.title}${t.created ? "" : " (existing talk)"}`,
      );
    console.log(
      `  ${summary.notesCreated} note(s) created, ${summary.notesUpdated} updated${summary.notesConflicted ? `, ${summary.notesConflicted} changed meanwhile and left as they are` : ""}, ${summary.tagsAdded} service tag(s)`,
    );
  } finally {
    await db.$disconnect();
  }
}

const MESSAGES: Record<string, string> = {
  event_date_required: "the post gives no date (front matter or a YYYY-MM-DD- file name): pass --date YYYY-MM-DD",
  agenda_admin_only: "only admins may add talks to an existing event: use --new-event, or import as an admin",
};

main().catch((e: unknown) => {
  const message =
    isAppError(e) && MESSAGES[e.message]
      ? MESSAGES[e.message]
      : isAppError(e)
        ? `${e.message}${
            e.fieldErrors
              ? ` (${Object.entries(e.fieldErrors)
                  .map(([k, v]) => `${k}: ${v.join(", ")}`)
                  .join("; ")})`
              : ""
          }`
        : e instanceof Error
          ? e.message
          : String(e);
  console.error(
    `writeup-import: ${message.split("\n").find((l) => l.trim()) ?? "failed"}${e instanceof UsageError ? "" : " — nothing was imported"}`,
  );
  process.exitCode = e instanceof UsageError ? 2 : 1;
});

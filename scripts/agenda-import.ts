// Imports a published agenda (frab XML, pretalx JSON or CSV) into the database DATABASE_URL names.
//   npx tsx scripts/agenda-import.ts <file> [--event <slug>] [--time-zone Area/City] [--dry-run]
// --event re-imports into that event (or creates it with that slug); --dry-run only shows the plan.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { oversizeMessage } from "../lib/agenda/input";
import { MAX_AGENDA_BYTES, type AgendaProblem } from "../lib/agenda/plan";
import { findImportTarget, importAgenda, type AgendaImportSummary } from "../lib/data/agenda-import";
import { createPrismaClient } from "../lib/db-client";
import { agendaImportOptions } from "../lib/validations/agenda";
import { migrateForCli } from "./migrate-database";

const USAGE = "usage: npx tsx scripts/agenda-import.ts <file> [--event <slug>] [--time-zone Area/City] [--dry-run]";
const OPTION_ERRORS: Record<string, string> = {
  event_slug_invalid: "--event must be a slug of lower-case letters, digits and dashes (e.g. aws-summit-seoul-2024)",
  event_slug_too_long: "--event is longer than 100 characters",
  event_slug_required: "--event needs a slug",
  time_zone_invalid: "--time-zone must be an IANA time zone such as Asia/Seoul or Europe/Berlin",
};

class UsageError extends Error {}

function readArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        event: { type: "string" },
        "time-zone": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    // Node's own sentence goes on with advice about "--"; its first clause is what the user needs.
    throw new UsageError(`${(e as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  if (parsed.values.help) return null;
  if (parsed.positionals.length !== 1) throw new UsageError(`give exactly one agenda file (${USAGE})`);
  const options = agendaImportOptions.safeParse({
    eventSlug: parsed.values.event,
    timeZone: parsed.values["time-zone"],
    dryRun: parsed.values["dry-run"],
  });
  if (!options.success)
    throw new UsageError(OPTION_ERRORS[options.error.issues[0].message] ?? options.error.issues[0].message);
  return { file: parsed.positionals[0], ...options.data };
}

async function readAgendaFile(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`cannot read '${file}': no such file`);
  if (info.size > MAX_AGENDA_BYTES) throw new UsageError(oversizeMessage(info.size)); // before reading it into memory
  return readFile(file, "utf8");
}

function printProblems(problems: AgendaProblem[]) {
  for (const p of problems) console.error(`${p.severity}: ${p.message}`);
}

function printSummary(s: AgendaImportSummary) {
  console.log(`${s.createdEvent ? "Created" : "Re-imported into"} event '${s.eventSlug}'`);
  console.log(`  days:       ${s.days.created} created, ${s.days.removed} removed`);
  console.log(`  tracks:     ${s.tracks.created} created, ${s.tracks.updated} updated, ${s.tracks.removed} removed`);
  console.log(`  time slots: ${s.slots.created} created, ${s.slots.removed} removed`);
  console.log(
    `  talks:      ${s.talks.added} added, ${s.talks.updated} updated, ${s.talks.moved} moved, ${s.talks.unchanged} unchanged, ${s.talks.removed} removed`,
  );
  for (const t of s.talks.kept) console.log(`              kept '${t.title}': no longer in the file, but it has notes`);
  console.log(`  speakers:   ${s.speakers.created} created, ${s.speakers.removed} removed`);
}

async function main() {
  const args = readArguments();
  if (!args) return console.log(USAGE);
  const text = await readAgendaFile(args.file);
  await migrateForCli("agenda-import");
  const db = createPrismaClient();
  try {
    const name = path.basename(args.file);
    const outcome = await importAgenda(db, {
      fileName: name,
      text,
      eventSlug: args.eventSlug,
      timeZone: args.timeZone,
      mode: args.dryRun ? "preview" : "apply",
    });
    const { plan, preview } = outcome;
    printProblems(plan.problems);
    if (!preview.canApply) throw new UsageError(`${preview.errors.length} error(s) in '${name}'; nothing was imported`);
    if (outcome.mode === "preview") {
      const { event, counts, changes } = preview;
      const target = args.eventSlug ? await findImportTarget(db, args.eventSlug) : null;
      console.log(
        `Dry run, nothing written. ${target ? `Would re-import into '${target.slug}'` : "Would create"}: '${event.name}' (${event.timeZone}, ${event.startDate} – ${event.endDate}, read as ${plan.format})`,
      );
      console.log(
        `  ${counts.days} days, ${counts.tracks} tracks, ${counts.talks} talks (${counts.plenaryTalks} plenary), ${counts.speakers} speakers`,
      );
      if (changes) {
        const kept = changes.removed.filter((t) => t.hasUserData).length;
        console.log(
          `  talks: ${changes.added.length} added, ${changes.updated.length} updated, ${changes.moved.length} moved, ${changes.unchanged} unchanged, ${changes.removed.length - kept} removed, ${kept} kept (they have notes)`,
        );
      }
      return;
    }
    if (outcome.summary) printSummary(outcome.summary);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  // One line, no stack: this is a tool for people, and every expected failure has a message.
  const message = e instanceof Error ? e.message : String(e);
  console.error(
    `agenda-import: ${e instanceof UsageError ? message : (message.split("\n").find((l) => l.trim()) ?? "failed")}`,
  );
  process.exitCode = 1;
});

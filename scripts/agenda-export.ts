// Writes an event's agenda to stdout as frab XML, schedule JSON (both valid against the c3voc
// validators) or iCalendar. Talk urls point at --base-url (default NEXTAUTH_URL, else
// http://localhost:$PORT). A database that is not migrated yet is migrated first, as npm start does.
//   npx tsx scripts/agenda-export.ts <slug> --format xml|json|ics [--base-url https://notes.example.com] > agenda.xml
import { parseArgs } from "node:util";
import { exportFrabXml, exportIcs, exportPretalxJson, type ScheduleExportOptions } from "../lib/agenda/export";
import type { AgendaSnapshot } from "../lib/agenda/plan";
import { loadAgendaSnapshotBySlug } from "../lib/data/agenda-import";
import { createPrismaClient } from "../lib/db-client";
import { agendaExportInput, type AgendaExportFormat } from "../lib/validations/agenda";
import { migrateForCli } from "./migrate-database";

const USAGE = "usage: npx tsx scripts/agenda-export.ts <slug> --format xml|json|ics [--base-url https://host]";

class UsageError extends Error {}

const EXPORTERS: Record<AgendaExportFormat, (agenda: AgendaSnapshot, options: ScheduleExportOptions) => string> = {
  xml: exportFrabXml,
  json: exportPretalxJson,
  ics: (agenda) => exportIcs(agenda, { name: agenda.event.name }),
};

/** An http(s) origin for the talk urls in the file, or a usage error. */
function baseUrlOf(value: string | undefined): string {
  const raw = value ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url must be an http(s) URL such as https://notes.example.com, got '${raw}'`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--base-url must be an http(s) URL, got '${raw}'`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function readArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        "base-url": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    // Node's own sentence goes on with advice about "--"; its first clause is what the user needs.
    throw new UsageError(`${(e as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  if (parsed.values.help) return null;
  if (parsed.positionals.length !== 1) throw new UsageError(`give exactly one event slug (${USAGE})`);
  if (!parsed.values.format) throw new UsageError(`choose --format xml, json or ics (${USAGE})`);
  const input = agendaExportInput.safeParse({ slug: parsed.positionals[0], format: parsed.values.format });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new UsageError(
      issue.path[0] === "format"
        ? `unknown format '${parsed.values.format}'; choose xml, json or ics`
        : `'${parsed.positionals[0]}' is not an event slug`,
    );
  }
  return { ...input.data, baseUrl: baseUrlOf(parsed.values["base-url"]) };
}

async function main() {
  const args = readArguments();
  if (!args) return console.log(USAGE);
  const { slug, format, baseUrl } = args;
  await migrateForCli("agenda-export");
  const db = createPrismaClient();
  try {
    const agenda = await loadAgendaSnapshotBySlug(db, slug);
    if (!agenda) throw new UsageError(`no event with the slug '${slug}'`);
    const output = EXPORTERS[format](agenda, { baseUrl });
    await new Promise<void>((resolve, reject) => process.stdout.write(output, (e) => (e ? reject(e) : resolve())));
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(
    `agenda-export: ${e instanceof UsageError ? message : (message.split("\n").find((l) => l.trim()) ?? "failed")}`,
  );
  process.exitCode = 1;
});

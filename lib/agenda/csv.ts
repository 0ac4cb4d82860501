// A hand-made agenda as CSV, one talk per row:
//   date,start,end,track,room,title,speakers,abstract   (+ optional guid, level)
// Speakers are separated by ";" (or "," inside the quoted cell). An empty track uses the room;
// neither track nor room (or "Keynote"/"Plenary") makes the talk a plenary.
import Papa from "papaparse";
import { isPrototypeKey } from "@/lib/security/safe-object";
import { buildAgendaPlan } from "./build-plan";
import { guardAgendaText } from "./input";
import { failedPlan, type AgendaParseOptions, type AgendaPlan } from "./plan";
import { emptyRawAgenda } from "./raw";
import { splitSpeakerList } from "./text";

export const AGENDA_CSV_COLUMNS = ["date", "start", "end", "track", "room", "title", "speakers", "abstract"] as const;
const REQUIRED = ["date", "start", "end", "title"];
const OPTIONAL = ["guid", "level"];

export function parseAgendaCsv(source: string, options: AgendaParseOptions = {}): AgendaPlan {
  const guarded = guardAgendaText(source, options);
  if ("plan" in guarded) return guarded.plan;
  const result = Papa.parse<Record<string, string | undefined>>(guarded.text, {
    header: true,
    skipEmptyLines: "greedy",
    // Rows are objects keyed by column name: a "__proto__"/"constructor" column must not become a key.
    transformHeader: (h) => {
      const name = h.trim().toLowerCase();
      return isPrototypeKey(name) ? `(${name})` : name;
    },
  });
  const columns = result.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) {
    return failedPlan(
      `The CSV header is missing the column(s) ${missing.join(", ")}; its first line must be ${AGENDA_CSV_COLUMNS.join(",")}.`,
      options.timeZone,
      "row 1",
    );
  }
  const raw = emptyRawAgenda();
  const unknown = columns.filter(
    (c) => c && !(AGENDA_CSV_COLUMNS as readonly string[]).includes(c) && !OPTIONAL.includes(c),
  );
  if (unknown.length)
    raw.problems.push({
      severity: "warning",
      message: `The CSV column(s) ${unknown.join(", ")} are not used.`,
      where: "row 1",
    });
  for (const error of result.errors) {
    if (error.code === "UndetectableDelimiter") continue; // a one-column file: the header check speaks for it
    // Spreadsheet row numbers: the header is row 1, the first talk row 2.
    const where = error.row !== undefined ? `row ${error.row + 2}` : "the CSV";
    raw.problems.push({
      severity: "error",
      message: `Row ${error.row !== undefined ? error.row + 2 : "?"} of the CSV cannot be read: ${error.message}.`,
      where,
    });
  }
  for (const [index, row] of result.data.entries()) {
    const date = row.date?.trim() ?? "";
    raw.talks.push({
      where: `row ${index + 2}`,
      guid: row.guid,
      title: row.title,
      abstract: row.abstract ?? "",
      day: date || undefined,
      date: date || undefined,
      start: row.start ?? "",
      end: row.end ?? "",
      track: row.track,
      room: row.room,
      level: row.level,
      speakers: splitSpeakerList(row.speakers ?? ""),
    });
  }
  return buildAgendaPlan(raw, options);
}

// Which parser a file needs: by its extension first (what the user meant), by its content otherwise.
import { parseAgendaCsv } from "./csv";
import { parseFrabXml } from "./frab-xml";
import { DEFAULT_AGENDA_TIME_ZONE, failedPlan, type AgendaParseOptions, type AgendaPlan } from "./plan";
import { parsePretalxJson } from "./pretalx-json";
import { parseScheduleV2Json } from "./schedule-v2";

export const AGENDA_FORMATS = ["frab-xml", "pretalx-json", "schedule-v2-json", "csv"] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

const BY_EXTENSION: Record<string, AgendaFormat> = { xml: "frab-xml", json: "pretalx-json", csv: "csv" };

// Both JSON schedules start with {"schedule": …}. A v2 file (the hub's) has a flat "events" list and
// rooms only as a list; a v1 file (pretalx/frab/c3voc) files its events under each day's "rooms"
// object. A key can only match unescaped quotes, so text inside a title never does. (Two linear
// regex scans: a few milliseconds for a 10 MB file.)
const V2_EVENTS = /"events"\s*:\s*\[/;
const V1_DAY_ROOMS = /"rooms"\s*:\s*\{/;

function jsonFormat(text: string): AgendaFormat {
  return V2_EVENTS.test(text) && !V1_DAY_ROOMS.test(text) ? "schedule-v2-json" : "pretalx-json";
}

export function detectAgendaFormat(filename: string, text: string): AgendaFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase();
  const byExtension = extension ? BY_EXTENSION[extension] : undefined;
  if (byExtension) return byExtension === "pretalx-json" ? jsonFormat(text) : byExtension;
  // Only the start tells XML, JSON and CSV apart: a 10 MB file need not be scanned for that.
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<")) return "frab-xml";
  if (head.startsWith("{")) return jsonFormat(text);
  const firstLine = head.split(/\r?\n/, 1)[0].toLowerCase();
  if (/\bdate\b/.test(firstLine) && /\btitle\b/.test(firstLine) && firstLine.includes(",")) return "csv";
  return null;
}

const PARSERS: Record<AgendaFormat, (text: string, options?: AgendaParseOptions) => AgendaPlan> = {
  "frab-xml": parseFrabXml,
  "pretalx-json": parsePretalxJson,
  "schedule-v2-json": parseScheduleV2Json,
  csv: parseAgendaCsv,
};

/** Detects the format and parses; an unknown format is a plan with one error, like any other bad input. */
export function parseAgenda(
  filename: string,
  text: string,
  options: AgendaParseOptions = {},
): AgendaPlan & { format: AgendaFormat | null } {
  const format = detectAgendaFormat(filename, text);
  if (!format) {
    const plan = failedPlan(
      `Cannot tell the format of ${filename ? `'${filename}'` : "the file"}: expected frab schedule XML (.xml), pretalx schedule JSON (.json) or CSV (.csv).`,
      options.timeZone ?? DEFAULT_AGENDA_TIME_ZONE,
    );
    return { ...plan, format };
  }
  return { ...PARSERS[format](text, options), format };
}

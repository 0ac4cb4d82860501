// Which parser a file needs: by its extension first (what the user meant), by its content otherwise.
import { parseAgendaCsv } from "./csv";
import { parseFrabXml } from "./frab-xml";
import { DEFAULT_AGENDA_TIME_ZONE, failedPlan, type AgendaParseOptions, type AgendaPlan } from "./plan";
import { parsePretalxJson } from "./pretalx-json";

export const AGENDA_FORMATS = ["frab-xml", "pretalx-json", "csv"] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

const BY_EXTENSION: Record<string, AgendaFormat> = { xml: "frab-xml", json: "pretalx-json", csv: "csv" };

export function detectAgendaFormat(filename: string, text: string): AgendaFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  // Only the start is looked at: a 10 MB file need not be scanned to be recognised.
  const head = text.slice(0, 2048).replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) return "frab-xml";
  if (head.startsWith("{")) return "pretalx-json";
  const firstLine = head.split(/\r?\n/, 1)[0].toLowerCase();
  if (/\bdate\b/.test(firstLine) && /\btitle\b/.test(firstLine) && firstLine.includes(",")) return "csv";
  return null;
}

const PARSERS: Record<AgendaFormat, (text: string, options?: AgendaParseOptions) => AgendaPlan> = {
  "frab-xml": parseFrabXml,
  "pretalx-json": parsePretalxJson,
  csv: parseAgendaCsv,
};

/** Detects the format and parses; an unknown format is a plan with one error, like any other bad input. */
export function parseAgenda(filename: string, text: string, options: AgendaParseOptions = {}): AgendaPlan & { format: AgendaFormat | null } {
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

// Guards every parser runs before touching the text.
import {
  DEFAULT_AGENDA_TIME_ZONE,
  failedPlan,
  MAX_AGENDA_BYTES,
  type AgendaParseOptions,
  type AgendaPlan,
} from "./plan";

/** UTF-8 size without copying the text when the answer is obvious from its length. */
export function agendaByteLength(text: string): number {
  if (text.length * 3 <= MAX_AGENDA_BYTES) return text.length; // small enough either way: skip the count
  return new TextEncoder().encode(text).length;
}

export function oversizeMessage(bytes: number): string {
  const n = (v: number) => v.toLocaleString("en");
  return `The file is ${n(bytes)} bytes, over the limit of ${n(MAX_AGENDA_BYTES)} bytes (${MAX_AGENDA_BYTES / (1024 * 1024)} MB) for an agenda.`;
}

/** A failed plan when the text is too large or empty, else the text without a byte-order mark. */
export function guardAgendaText(text: string, options: AgendaParseOptions): { plan: AgendaPlan } | { text: string } {
  const timeZone = options.timeZone ?? DEFAULT_AGENDA_TIME_ZONE;
  const bytes = agendaByteLength(text);
  if (bytes > MAX_AGENDA_BYTES) return { plan: failedPlan(oversizeMessage(bytes), timeZone) };
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { plan: failedPlan("The file is empty.", timeZone) };
  return { text: body };
}

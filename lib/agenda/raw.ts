// What a format parser hands to the shared plan builder: the source's own strings, still unchecked,
// plus where each one came from so problems can point at it. Parsers only read; the builder judges.
import type { AgendaProblem } from "./plan";
import { quote } from "./text";

export type RawTalk = {
  /** Where in the source, for messages: "line 12", "day 2024-05-17, room 'Room 301', event 4". */
  where: string;
  guid?: string;
  slug?: string;
  title?: string;
  abstract?: string;
  /** The conference day the source files the talk under (YYYY-MM-DD). */
  day?: string;
  /** frab/pretalx `date`: an ISO date-time (authoritative when present) or a plain date. */
  date?: string;
  /** "HH:MM" on the talk's day, or an ISO date-time. */
  start?: string;
  /** "HH:MM" (frab, pretalx). */
  duration?: string;
  /** "HH:MM" on the same date as the start (CSV), or an ISO date-time (schedule v2). */
  end?: string;
  /** ISO date-time at which the source's day begins: earlier clock times belong to the next date (CCC nights). */
  dayStart?: string;
  room?: string;
  track?: string;
  type?: string;
  speakers: string[];
  level?: string;
};

export type RawAgenda = {
  event: {
    name?: string;
    acronym?: string;
    startDate?: string;
    endDate?: string;
    timeZone?: string;
    venue?: string;
  };
  /** Where the event name is expected; a source without one (CSV) leaves this out and gets a default. */
  eventNameWhere?: string;
  /** Days the source declares, even empty ones, in source order. */
  days: { date: string; where: string }[];
  /** Room names in the order the source lists them: decides the order of the columns. */
  rooms: string[];
  /** Track names (and colours) the source declares, in order. */
  tracks: { name: string; colour?: string }[];
  talks: RawTalk[];
  problems: AgendaProblem[];
};

export function emptyRawAgenda(): RawAgenda {
  return { event: {}, days: [], rooms: [], tracks: [], talks: [], problems: [] };
}

/** "Talk 'Lambda deep dive' (line 12)": how every talk problem starts. */
export function talkLabel(talk: { title?: string; where: string }): string {
  const title = talk.title?.trim();
  return `${title ? `Talk ${quote(title)}` : "An untitled talk"} (${talk.where})`;
}

/** A string from a parsed file value: numbers and booleans become text, objects and arrays nothing. */
export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

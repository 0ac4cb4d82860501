// The one shape every agenda source is parsed into, and the snapshot shape the exporters read.
// Pure types and limits: no parsing, no database.

/** Inputs larger than this are refused before any parsing (the HTTP endpoint and the CLI check it too). */
export const MAX_AGENDA_BYTES = 10 * 1024 * 1024;

/** The time zone wall-clock times are read in when neither the file nor the caller names one. */
export const DEFAULT_AGENDA_TIME_ZONE = "Asia/Seoul";

/** Field limits: generous for real agendas, small enough that a broken file cannot bloat the database. */
export const AGENDA_LIMITS = {
  eventName: 200,
  title: 300,
  abstract: 20_000,
  name: 200, // speaker, track and room names
  guid: 200,
  /** More problems than this are summarised in one last line: nobody reads 10,000 copies of one mistake. */
  problems: 200,
} as const;

export type AgendaProblem = {
  severity: "error" | "warning";
  /** A whole English sentence that names what is wrong and where. */
  message: string;
  /** Where in the source: "line 12", "day 2024-05-17, room 'Room 301', event 4". */
  where?: string;
};

export type AgendaEventInfo = {
  name: string;
  slug?: string;
  timeZone: string;
  /** Where timeZone came from; a re-import refuses a default zone that differs from the stored event's. */
  timeZoneFrom?: "file" | "caller" | "default";
  startDate: string; // YYYY-MM-DD in the event's time zone
  endDate: string;
  venue?: string;
  series?: string;
};

export type AgendaTrack = {
  name: string;
  room?: string;
  colour?: string;
  position: number;
};

/** Same values as the TalkLevel enum of the schema (kept here so this module stays free of Prisma). */
export type AgendaTalkLevel = "INTRO" | "INTERMEDIATE" | "ADVANCED" | "EXPERT";

export type AgendaTalk = {
  guid?: string;
  /** The source's own slug (frab/pretalx/hub), kept so an export can give it back. */
  slug?: string;
  title: string;
  abstract: string;
  startsAt: Date; // UTC instant
  endsAt: Date;
  /** The conference day the talk belongs to (YYYY-MM-DD); a talk after midnight keeps its day. */
  day: string;
  /** Name of a track in `tracks`, or null for a plenary talk that spans every track. */
  track: string | null;
  room?: string;
  speakers: string[];
  level?: AgendaTalkLevel;
};

export type AgendaPlan = {
  event: AgendaEventInfo;
  days: { date: string }[];
  tracks: AgendaTrack[];
  talks: AgendaTalk[];
  problems: AgendaProblem[];
};

/** An agenda as stored: what the exporters read and what a re-import is compared with. */
export type AgendaSnapshotTalk = AgendaTalk & {
  /** Talk.id when loaded from the database. */
  id?: string;
  /** Notes, stars, claims or reviews point at this talk: a re-import must not delete it. */
  hasUserData?: boolean;
  /** Stored without a known time (a write-up import): its instants only keep the order. */
  timeUnknown?: boolean;
};

export type AgendaSnapshot = {
  event: AgendaEventInfo;
  days: { date: string }[];
  tracks: AgendaTrack[];
  talks: AgendaSnapshotTalk[];
};

export type AgendaParseOptions = {
  /** Wall-clock times are read in this zone when the file names none (default Asia/Seoul). */
  timeZone?: string;
  /** The event name for sources that carry none (CSV); the CLI passes the file's base name. */
  eventName?: string;
};

export function agendaErrors(plan: Pick<AgendaPlan, "problems">): AgendaProblem[] {
  return plan.problems.filter((p) => p.severity === "error");
}

export function agendaWarnings(plan: Pick<AgendaPlan, "problems">): AgendaProblem[] {
  return plan.problems.filter((p) => p.severity === "warning");
}

export function hasAgendaErrors(plan: Pick<AgendaPlan, "problems">): boolean {
  return plan.problems.some((p) => p.severity === "error");
}

/** A plan that could not be read at all: no event, no talks, just the reason. */
export function failedPlan(message: string, timeZone = DEFAULT_AGENDA_TIME_ZONE, where?: string): AgendaPlan {
  return {
    event: { name: "", timeZone, timeZoneFrom: "default", startDate: "", endDate: "" },
    days: [],
    tracks: [],
    talks: [],
    problems: [{ severity: "error", message, ...(where ? { where } : {}) }],
  };
}

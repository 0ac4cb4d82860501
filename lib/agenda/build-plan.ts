// The shared second half of every parser: raw source strings → a checked AgendaPlan.
import { checkDuplicateGuids, checkOverlaps } from "./checks";
import { assignColumns } from "./columns";
import { normalizeTalk, type NormalTalk } from "./normalize-talk";
import {
  AGENDA_LIMITS,
  DEFAULT_AGENDA_TIME_ZONE,
  type AgendaParseOptions,
  type AgendaPlan,
  type AgendaProblem,
} from "./plan";
import type { RawAgenda } from "./raw";
import { cleanLine, markupToText, quote, slugify } from "./text";
import { canonicalTimeZone, isIsoDate, isValidTimeZone } from "../time/zoned";

export { slugify }; // the one slug helper lives in ./text; write-up import reaches it through here

const DEFAULT_EVENT_NAME = "Imported agenda";

/** The file's zone wins (its times were written in it); the caller's is the fallback. */
function resolveTimeZone(
  raw: RawAgenda,
  options: AgendaParseOptions,
  report: (p: AgendaProblem) => void,
): { timeZone: string; timeZoneFrom: "file" | "caller" | "default" } {
  const fromOption = options.timeZone?.trim();
  if (fromOption && !isValidTimeZone(fromOption)) {
    report({
      severity: "error",
      message: `The time zone ${quote(fromOption)} given for the import is not a known IANA time zone (e.g. Asia/Seoul).`,
    });
  }
  const fromFile = raw.event.timeZone?.trim();
  if (fromFile && !isValidTimeZone(fromFile)) {
    report({
      severity: "error",
      message: `The file names the time zone ${quote(fromFile)}, which is not a known IANA time zone.`,
    });
  }
  const file = fromFile && isValidTimeZone(fromFile) ? canonicalTimeZone(fromFile) : undefined;
  const caller = fromOption && isValidTimeZone(fromOption) ? canonicalTimeZone(fromOption) : undefined;
  if (file && caller && file !== caller) {
    report({
      severity: "warning",
      message: `The file says its times are in ${file}; that zone is used rather than ${caller}.`,
    });
  }
  if (file) return { timeZone: file, timeZoneFrom: "file" };
  if (caller) return { timeZone: caller, timeZoneFrom: "caller" };
  report({
    severity: "warning",
    message: `The file names no time zone, so its times are read as ${DEFAULT_AGENDA_TIME_ZONE}; give the event's time zone if that is wrong.`,
  });
  return { timeZone: DEFAULT_AGENDA_TIME_ZONE, timeZoneFrom: "default" };
}

function eventName(raw: RawAgenda, options: AgendaParseOptions, report: (p: AgendaProblem) => void): string {
  const name = markupToText(cleanLine(raw.event.name), { singleLine: true });
  if (name) {
    if (name.length > AGENDA_LIMITS.eventName)
      report({
        severity: "error",
        message: `The event name is ${name.length} characters long; the limit is ${AGENDA_LIMITS.eventName}.`,
        where: raw.eventNameWhere,
      });
    return name;
  }
  if (raw.eventNameWhere) {
    report({
      severity: "error",
      message: `The file gives the event no title (${raw.eventNameWhere} is missing or empty).`,
      where: raw.eventNameWhere,
    });
    return "";
  }
  const fallback = cleanLine(options.eventName).slice(0, AGENDA_LIMITS.eventName) || DEFAULT_EVENT_NAME;
  if (!options.eventName?.trim())
    report({
      severity: "warning",
      message: `The file names no event, so it is called ${quote(fallback)}; rename it after the import.`,
    });
  return fallback;
}

function capProblems(problems: AgendaProblem[]): AgendaProblem[] {
  if (problems.length <= AGENDA_LIMITS.problems) return problems;
  // Errors first, so a flood of warnings cannot hide the reason nothing may be written.
  const sorted = [
    ...problems.filter((p) => p.severity === "error"),
    ...problems.filter((p) => p.severity === "warning"),
  ];
  const kept = sorted.slice(0, AGENDA_LIMITS.problems);
  const hidden = sorted.slice(AGENDA_LIMITS.problems);
  const severity = hidden.some((p) => p.severity === "error") ? "error" : "warning";
  return [
    ...kept,
    { severity, message: `${hidden.length} more problem(s) are not listed; fix the ones above and import again.` },
  ];
}

export function buildAgendaPlan(raw: RawAgenda, options: AgendaParseOptions = {}): AgendaPlan {
  const problems: AgendaProblem[] = [...raw.problems];
  const report = (p: AgendaProblem) => void problems.push(p);
  const { timeZone, timeZoneFrom } = resolveTimeZone(raw, options, report);
  const name = eventName(raw, options, report);

  const talks = raw.talks.map((t) => normalizeTalk(t, timeZone, report)).filter((t): t is NormalTalk => t !== null);
  checkDuplicateGuids(talks, report);
  const { tracks, columnOf } = assignColumns(talks, raw, report);
  checkOverlaps(talks, columnOf, timeZone, report);

  const declaredDays = raw.days.filter((d) => {
    if (isIsoDate(d.date)) return true;
    report({
      severity: "error",
      message: `A day (${d.where}) has the invalid date ${quote(d.date)}; expected YYYY-MM-DD.`,
      where: d.where,
    });
    return false;
  });
  const dates = [...new Set([...declaredDays.map((d) => d.date), ...talks.map((t) => t.day)])].sort();
  const [startDate, endDate] = [raw.event.startDate, raw.event.endDate]
    .map((d) => d?.slice(0, 10))
    .map((d) => (d && isIsoDate(d) ? d : undefined));
  if (startDate && endDate && endDate < startDate)
    report({
      severity: "error",
      message: `The file says the event ends on ${endDate}, before it starts on ${startDate}.`,
    });
  // The event spans the file's dates and every talk's day, whichever is wider.
  const bounds = [startDate, endDate, ...dates].filter((d): d is string => !!d).sort();
  const [first, last] = [bounds[0], bounds.at(-1)];
  if (!talks.length && !problems.some((p) => p.severity === "error"))
    report({ severity: "error", message: "The file contains no talks." });

  const slug = raw.event.acronym ? slugify(raw.event.acronym) : undefined;
  const venue = cleanLine(raw.event.venue) || undefined;
  if (venue && venue.length > AGENDA_LIMITS.name)
    report({
      severity: "error",
      message: `The venue is ${venue.length} characters long; the limit is ${AGENDA_LIMITS.name}.`,
    });
  return {
    event: {
      name,
      ...(slug ? { slug } : {}),
      timeZone,
      timeZoneFrom,
      startDate: first ?? "",
      endDate: last ?? first ?? "",
      ...(venue ? { venue } : {}),
    },
    days: dates.map((date) => ({ date })),
    tracks,
    talks: talks
      .map((t) => ({
        ...(t.guid ? { guid: t.guid } : {}),
        ...(t.slug ? { slug: t.slug } : {}),
        title: t.title,
        abstract: t.abstract,
        startsAt: t.startsAt,
        endsAt: t.endsAt,
        day: t.day,
        track: columnOf(t),
        ...(t.room ? { room: t.room } : {}),
        speakers: t.speakers,
        ...(t.level ? { level: t.level } : {}),
      }))
      .sort(compareTalks(tracks)),
    problems: capProblems(problems),
  };
}

/** Time, then column order (plenary first), then title: the order a printed agenda reads in. */
export function compareTalks(tracks: { name: string; position: number }[]) {
  const position = new Map(tracks.map((t) => [t.name, t.position]));
  return (a: { startsAt: Date; endsAt: Date; track: string | null; title: string }, b: typeof a) =>
    a.startsAt.getTime() - b.startsAt.getTime() ||
    (a.track === null ? -1 : (position.get(a.track) ?? 0)) - (b.track === null ? -1 : (position.get(b.track) ?? 0)) ||
    a.endsAt.getTime() - b.endsAt.getTime() ||
    a.title.localeCompare(b.title);
}

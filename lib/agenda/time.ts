// Wall-clock ↔ UTC conversions for agenda files. Every agenda format prints local times; the
// database stores instants, so each conversion names the event's time zone explicitly.
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// ISO date-time with optional seconds/fraction and optional offset ("Z", "+01:00", "+0100").
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

export { isValidTimeZone } from "../time/zoned";

/** The canonical spelling ("asia/seoul" → "Asia/Seoul"), so the database holds one form. */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
}

/** A real calendar date in YYYY-MM-DD form (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** "13:05" / "9:05" / "13:05:00" → minutes after midnight, or null when it is not a clock time. */
export function parseClockTime(value: string): number | null {
  const m = TIME.exec(value.trim());
  if (!m) return null;
  const [h, min, s] = [+m[1], +m[2], m[3] ? +m[3] : 0];
  if (h > 23 || min > 59 || s > 59) return null;
  return h * 60 + min;
}

/** "00:40" / "1:30" / "01:30:00" → minutes; durations may exceed 24 h (a hackathon), so no hour cap. */
export function parseDuration(value: string): number | null {
  const m = TIME.exec(value.trim());
  if (!m) return null;
  const [h, min, s] = [+m[1], +m[2], m[3] ? +m[3] : 0];
  if (min > 59 || s > 59) return null;
  return h * 60 + min;
}

/** The UTC instant of a wall-clock time on a date in a time zone (DST-aware). */
export function zonedInstant(date: string, minutesAfterMidnight: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const hours = Math.floor(minutesAfterMidnight / 60);
  return new Date(new TZDate(y, m - 1, d, hours, minutesAfterMidnight % 60, 0, timeZone).getTime());
}

/**
 * An ISO date-time: with an offset it is an instant as written; without one it is a wall-clock
 * time in `timeZone`. Returns null when it is not a date-time at all.
 */
export function parseIsoDateTime(value: string, timeZone: string): Date | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m || !isIsoDate(m[1])) return null;
  const clock = parseClockTime(m[2].slice(0, 5));
  if (clock === null) return null;
  if (!m[3]) return zonedInstant(m[1], clock, timeZone);
  const instant = new Date(value.trim().replace(" ", "T"));
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function localDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

export function localTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "HH:mm");
}

/** ISO date-time with the zone's offset at that instant ("2024-03-31T10:00:00+02:00"), as frab writes `date`. */
export function localIsoDateTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), 1), "yyyy-MM-dd");
}

/** Minutes → "HH:MM" (frab durations). */
export function formatDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

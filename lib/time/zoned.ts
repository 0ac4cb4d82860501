// The one time module: instants ↔ wall-clock dates and times in an event's time zone, and the
// parsing and printing of the clock values agenda files carry. The database stores instants; every
// conversion names the event's time zone explicitly. "Now" is lib/time/clock.ts (one seam for tests).
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// ISO date-time with optional seconds/fraction and optional offset ("Z", "+01:00", "+0100").
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

// Building an Intl.DateTimeFormat costs ~0.1 ms and pages print hundreds of times; an app sees a
// handful of zones and two locales, so formatters are built once per (kind, zone, locale).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

const intlLocale = (locale: string) => (locale === "ko" ? "ko-KR" : "en-GB");

/** "HH:MM" of an instant in a time zone (24 h, as agendas print it). */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter(`t|${timeZone}`, "en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    instant,
  );
}

/** "YYYY-MM-DD" of an instant in a time zone. */
export function formatIsoDate(instant: Date, timeZone: string): string {
  return formatter(`d|${timeZone}`, "en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** A long, localised date ("2016년 5월 17일 화요일" / "Tuesday, 17 May 2016") in the event's zone. */
export function formatLongDate(instant: Date, timeZone: string, locale: string): string {
  return formatter(`l|${timeZone}|${locale}`, intlLocale(locale), { timeZone, dateStyle: "full" }).format(instant);
}

export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** ISO date-time with the zone's offset at that instant ("2024-03-31T10:00:00+02:00"), as frab writes `date`. */
export function formatIsoDateTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** Minutes → "HH:MM" (frab durations). */
export function formatDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The UTC instant of a wall-clock time (minutes after midnight) on a date in a time zone (DST-aware). */
export function zonedInstant(date: string, minutesAfterMidnight: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const hours = Math.floor(minutesAfterMidnight / 60);
  return new Date(new TZDate(y, m - 1, d, hours, minutesAfterMidnight % 60, 0, timeZone).getTime());
}

/** The UTC instant of a wall-clock date and time in a time zone ("2016-05-17", "13:00", "Asia/Seoul"). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [hh, mm] = time.split(":").map(Number);
  return zonedInstant(date, hh * 60 + mm, timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone.trim()) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

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

/** The date after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), 1), "yyyy-MM-dd");
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

/** Whole minutes from the talk's start to `now` while it runs; null before it starts or once it ended. */
export function minutesIntoTalk(startsAt: Date, endsAt: Date | null, now: Date): number | null {
  const t = now.getTime();
  if (t < startsAt.getTime() || (endsAt && t >= endsAt.getTime())) return null;
  return Math.floor((t - startsAt.getTime()) / 60_000);
}

/** "2024-05-16 14:07 (Asia/Seoul)": an instant with its date, time and zone, the same on server and browser. */
export function formatDateTimeWithZone(instant: Date, timeZone: string): string {
  return `${formatIsoDate(instant, timeZone)} ${formatTime(instant, timeZone)} (${timeZone})`;
}

import { TZDate } from "@date-fns/tz";

// Building an Intl.DateTimeFormat costs far more than formatting with one (issue 14: ~3.5% of the
// server's CPU under load went to building them per call): one per locale, zone and style, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }, style: string): Intl.DateTimeFormat {
  const key = `${style}\u0000${locale}\u0000${options.timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    // Bounded: zones are validated IANA names, locales two; a cap keeps a bug from growing it.
    if (formatters.size >= 2000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** "HH:MM" of an instant in a time zone (24 h, as agendas print it). */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, "time").format(instant);
}

/** "YYYY-MM-DD" of an instant in a time zone. */
export function formatIsoDate(instant: Date, timeZone: string): string {
  return formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }, "iso-date").format(instant);
}

/** A long, localised date ("2016년 5월 17일 화요일" / "Tuesday, 17 May 2016") in the event's zone. */
export function formatLongDate(instant: Date, timeZone: string, locale: string): string {
  return formatter(locale === "ko" ? "ko-KR" : "en-GB", { timeZone, dateStyle: "full" }, "long-date").format(instant);
}

export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** The UTC instant of a wall-clock date and time in a time zone ("2016-05-17", "13:00", "Asia/Seoul"). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
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

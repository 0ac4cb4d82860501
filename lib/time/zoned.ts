import { TZDate } from "@date-fns/tz";

/** "HH:MM" of an instant in a time zone (24 h, as agendas print it). */
export function formatTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "YYYY-MM-DD" of an instant in a time zone. */
export function formatIsoDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** A long, localised date ("2016년 5월 17일 화요일" / "Tuesday, 17 May 2016") in the event's zone. */
export function formatLongDate(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-GB", { timeZone, dateStyle: "full" }).format(instant);
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

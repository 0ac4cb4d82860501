// Turns a talk's printed date/start/duration/end into UTC instants in the event's time zone.
import type { RawTalk } from "./raw";
import {
  isIsoDate,
  formatIsoDate,
  formatTime,
  nextDate,
  parseClockTime,
  parseDuration,
  parseIsoDateTime,
  zonedInstant,
} from "../time/zoned";

export type TalkTimes = { startsAt: Date; endsAt: Date; day: string };

/** 99:59, the longest duration frab XML can write (`[0-9]{1,2}:[0-9]{2}` in the c3voc XSD). */
export const MAX_TALK_MINUTES = 99 * 60 + 59;

/** Instants of a talk, or a sentence (without the talk's name) saying what is wrong with its times. */
export function resolveTalkTimes(raw: RawTalk, timeZone: string): TalkTimes | { error: string } {
  const dateOnly = raw.date && isIsoDate(raw.date.trim()) ? raw.date.trim() : undefined;
  const dateTime = raw.date && !dateOnly ? parseIsoDateTime(raw.date, timeZone) : null;
  if (raw.date?.trim() && !dateOnly && !dateTime)
    return { error: `has an invalid date '${raw.date}'; expected YYYY-MM-DD or an ISO date-time` };
  const day = raw.day ?? dateOnly;
  if (day !== undefined && !isIsoDate(day))
    return { error: `is filed under an invalid day '${day}'; expected YYYY-MM-DD` };

  let startsAt: Date;
  let baseDate: string | undefined = dateOnly ?? day;
  const start = raw.start?.trim();
  if (start) {
    const startInstant = parseIsoDateTime(start, timeZone);
    const clock = startInstant ? null : parseClockTime(start);
    if (!startInstant && clock === null)
      return { error: `has an invalid start time '${start}'; expected HH:MM or an ISO date-time` };
    if (startInstant) startsAt = startInstant;
    else if (dateTime)
      startsAt = dateTime; // frab's `date` carries the offset and the real date: trust it
    else if (baseDate) {
      startsAt = zonedInstant(baseDate, clock!, timeZone);
      const dayStart = raw.dayStart ? parseIsoDateTime(raw.dayStart, timeZone) : null;
      if (dayStart && startsAt < dayStart) {
        baseDate = nextDate(baseDate); // 01:30 on a day that starts at 10:00 is the night after it
        startsAt = zonedInstant(baseDate, clock!, timeZone);
      }
    } else return { error: "has a start time but no date" };
  } else if (dateTime) startsAt = dateTime;
  else return { error: "has no start time" };

  let endsAt: Date;
  if (raw.duration !== undefined && raw.duration.trim() !== "") {
    const minutes = parseDuration(raw.duration);
    if (minutes === null) return { error: `has an invalid duration '${raw.duration.trim()}'; expected HH:MM` };
    endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  } else if (raw.end !== undefined && raw.end.trim() !== "") {
    const endInstant = parseIsoDateTime(raw.end, timeZone);
    const clock = endInstant ? null : parseClockTime(raw.end);
    if (!endInstant && clock === null)
      return { error: `has an invalid end time '${raw.end.trim()}'; expected HH:MM or an ISO date-time` };
    endsAt = endInstant ?? zonedInstant(baseDate ?? formatIsoDate(startsAt, timeZone), clock!, timeZone);
  } else return { error: raw.end !== undefined ? "has no end time" : "has no duration" };

  if (endsAt <= startsAt) {
    return {
      error: `ends at ${formatTime(endsAt, timeZone)}, which is not after its start at ${formatTime(startsAt, timeZone)}`,
    };
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_TALK_MINUTES * 60_000) {
    return {
      error: `lasts ${Math.floor((endsAt.getTime() - startsAt.getTime()) / 3_600_000)} hours; a talk can last at most 99:59 (what schedule files can express)`,
    };
  }
  return { startsAt, endsAt, day: day ?? formatIsoDate(startsAt, timeZone) };
}

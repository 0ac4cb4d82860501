import ical, { ICalCalendarMethod } from "ical-generator";
import { formatIsoDate } from "../time/zoned";

export type IcsTalk = {
  id: string;
  title: string;
  abstract?: string;
  startsAt: Date;
  endsAt: Date;
  /** Imported without a time: an all-day entry on its day (the stored instant only keeps the order). */
  timeUnknown?: boolean;
  /** The event's zone, to find that day. */
  timeZone?: string;
  location?: string | null;
  url?: string;
  eventName?: string;
  speakers?: string[];
};

/** An iCalendar document of talks (times as UTC instants, so every calendar app agrees). */
export function talksToIcs(talks: IcsTalk[], { name, timeZone }: { name: string; timeZone?: string }): string {
  const calendar = ical({ name, prodId: { company: "Summit Notes", product: "summit-notes", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  if (timeZone) calendar.timezone(timeZone);
  for (const talk of talks) {
    const description = [talk.speakers?.length ? talk.speakers.join(", ") : "", talk.abstract ?? ""].filter(Boolean).join("\n\n");
    // A talk whose time is unknown is never given the placeholder time: it is an all-day entry.
    const day = talk.timeUnknown ? formatIsoDate(talk.startsAt, talk.timeZone ?? timeZone ?? "UTC") : null;
    calendar.createEvent({
      id: `${talk.id}@summit-notes`,
      ...(day ? { start: new Date(`${day}T00:00:00Z`), allDay: true } : { start: talk.startsAt, end: talk.endsAt }),
      summary: talk.eventName ? `${talk.title} (${talk.eventName})` : talk.title,
      description: description || undefined,
      location: talk.location ?? undefined,
      url: talk.url,
      timezone: null,
    });
  }
  return calendar.toString();
}

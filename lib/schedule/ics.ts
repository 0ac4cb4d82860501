// The one iCalendar writer: the agenda export (/api/events/[slug]/export?format=ics), the personal
// feed (/api/ics/[token]) and My agenda's download all go through talksToIcs, so one talk has one
// UID in every file and a calendar app that subscribed to one and imported another keeps one entry.
import ical, { ICalCalendarMethod } from "ical-generator";
import { formatIsoDate } from "../time/zoned";

export type IcsTalk = {
  /** Talk.id when the talk is stored; the UID is made from it. */
  id?: string;
  /** The schedule guid: the UID of a talk that is not stored (an agenda file being exported as is). */
  guid?: string | null;
  title: string;
  abstract?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Imported without a time: an all-day entry on its day (the stored instant only keeps the order). */
  timeUnknown?: boolean;
  /** The event's zone, to find that day. */
  timeZone?: string;
  location?: string | null;
  url?: string;
  /** Added to the summary ("Title (AWS Summit Seoul)") in calendars that mix events. */
  eventName?: string;
  speakers?: string[];
  categories?: string[];
};

/** The UID of a talk in every calendar file: stable across exports, re-imports and feeds. */
export function talkUid(talk: Pick<IcsTalk, "id" | "guid">, index = 0): string {
  if (talk.id) return `${talk.id}@summit-notes`;
  return talk.guid || `talk-${index + 1}`;
}

/** An iCalendar document of talks (times as UTC instants, so every calendar app agrees). */
export function talksToIcs(
  talks: IcsTalk[],
  { name, now }: { name: string; /** DTSTAMP, fixed in tests; defaults to now. */ now?: Date },
): string {
  const calendar = ical({
    name,
    prodId: { company: "Summit Notes", product: "summit-notes", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  const stamp = now ?? new Date();
  for (const [i, talk] of talks.entries()) {
    const description = [talk.speakers?.length ? `Speakers: ${talk.speakers.join(", ")}` : "", talk.abstract ?? ""]
      .filter(Boolean)
      .join("\n\n");
    // A talk whose time is unknown is never given the placeholder time: it is an all-day entry.
    const day = talk.timeUnknown ? formatIsoDate(talk.startsAt, talk.timeZone ?? "UTC") : null;
    calendar.createEvent({
      id: talkUid(talk, i),
      ...(day ? { start: new Date(`${day}T00:00:00Z`), allDay: true } : { start: talk.startsAt, end: talk.endsAt }),
      stamp,
      summary: talk.eventName ? `${talk.title} (${talk.eventName})` : talk.title,
      ...(description ? { description } : {}),
      ...(talk.location ? { location: talk.location } : {}),
      ...(talk.url ? { url: talk.url } : {}),
      ...(talk.categories?.length ? { categories: talk.categories.map((c) => ({ name: c })) } : {}),
    });
  }
  return calendar.toString();
}

// What both schedule exporters (frab XML, schedule JSON) write besides the agenda itself: each
// talk's guid, id, slug and url, each person's and room's guid, the day bounds. Derived, never
// stored (see schedule-ids.ts), so two exports of an unchanged agenda are identical.
import type { AgendaSnapshot, AgendaSnapshotTalk } from "./plan";
import {
  assignTalkNumbers,
  eventKey,
  numberFromGuid,
  personGuid,
  placeholderTalkGuid,
  roomGuid,
  scheduleAcronym,
  talkScheduleGuid,
  talkScheduleSlug,
} from "./schedule-ids";
import { layoutByDay, type DayGroup } from "./snapshot-layout";
import { slugify } from "./text";
import { isIsoDate, formatIsoDateTime, nextDate, zonedInstant } from "../time/zoned";

export type ScheduleExportOptions = {
  /** Origin of this Summit Notes (http(s)://host[:port]): talk and event urls point at its pages. */
  baseUrl: string;
};

export type SchedulePerson = { id: number; guid: string; name: string };
export type ScheduleTalk = {
  talk: AgendaSnapshotTalk;
  guid: string;
  id: number;
  slug: string;
  url: string;
  persons: SchedulePerson[];
};
export type ScheduleRoom = { name: string; guid: string; talks: ScheduleTalk[] };
export type ScheduleDay = { index: number; date: string; start: string; end: string; rooms: ScheduleRoom[] };
export type ScheduleTrack = { name: string; slug?: string; colour?: string };

export type ScheduleModel = {
  acronym: string;
  url: string;
  rooms: { name: string; guid: string }[];
  tracks: ScheduleTrack[];
  days: ScheduleDay[];
};

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** validator/xsd/schedule.xml.xsd, type "slug" (the JSON schema's pattern accepts these too). */
const TRACK_SLUG = /^[a-z][a-z0-9-]+$/;

/** The day's first start and last end; a day without talks spans its date. */
function dayBounds(day: DayGroup, timeZone: string): { start: string; end: string } {
  if (!day.talks.length) {
    return {
      start: formatIsoDateTime(zonedInstant(day.date, 0, timeZone), timeZone),
      end: formatIsoDateTime(zonedInstant(day.date, 23 * 60 + 59, timeZone), timeZone),
    };
  }
  const start = Math.min(...day.talks.map((t) => t.startsAt.getTime()));
  const end = Math.max(...day.talks.map((t) => t.endsAt.getTime()));
  return { start: formatIsoDateTime(new Date(start), timeZone), end: formatIsoDateTime(new Date(end), timeZone) };
}

/**
 * The XSD wants at least one <day>: an agenda without days (an event just created, no talks yet)
 * is written with the event's dates, at most a month of them.
 */
function withDays(agenda: AgendaSnapshot): AgendaSnapshot {
  if (agenda.days.length || agenda.talks.length) return agenda;
  const { startDate, endDate } = agenda.event;
  const days: { date: string }[] = [];
  for (
    let date = startDate;
    isIsoDate(date) && date <= (endDate || startDate) && days.length < 31;
    date = nextDate(date)
  )
    days.push({ date });
  return { ...agenda, days };
}

/** Guids in talk order; a guid two talks would share (two spellings of one UUID) falls back to the talk's own. */
function talkGuids(key: string, talks: AgendaSnapshotTalk[]): Map<AgendaSnapshotTalk, string> {
  const used = new Set<string>();
  const guids = new Map<AgendaSnapshotTalk, string>();
  for (const [i, talk] of talks.entries()) {
    let guid = talkScheduleGuid(key, talk) ?? placeholderTalkGuid(key, i);
    if (used.has(guid)) guid = talkScheduleGuid(key, { id: talk.id }) ?? placeholderTalkGuid(key, i);
    used.add(guid);
    guids.set(talk, guid);
  }
  return guids;
}

export function buildScheduleModel(source: AgendaSnapshot, { baseUrl }: ScheduleExportOptions): ScheduleModel {
  // A talk stored without a known time (from a write-up) has placeholder instants that only keep
  // its order: frab and schedule JSON need a real start and duration, so it is left out rather
  // than exported with an invented time (the write-up export and the calendar keep it, untimed).
  const agenda = { ...source, talks: source.talks.filter((t) => !t.timeUnknown) };
  const { event } = agenda;
  const key = eventKey(event);
  const acronym = scheduleAcronym(event);
  const origin = baseUrl.replace(/\/+$/, "");
  const eventUrl = `${origin}/events/${encodeURIComponent(key)}`;
  const guids = talkGuids(key, agenda.talks);
  const numbers = assignTalkNumbers([...guids.values()]);
  const slugs = new Set<string>();
  const people = new Map<string, SchedulePerson>(); // a speaker of many talks is hashed once
  const person = (name: string): SchedulePerson => {
    let found = people.get(name);
    if (!found) {
      const guid = personGuid(key, name);
      people.set(name, (found = { id: numberFromGuid(guid), guid, name }));
    }
    return found;
  };

  const describe = (talk: AgendaSnapshotTalk): ScheduleTalk => {
    const guid = guids.get(talk)!;
    const id = numbers.get(guid)!;
    let slug = talkScheduleSlug(acronym, id, talk);
    if (slugs.has(slug)) slug = talkScheduleSlug(acronym, id, { title: talk.title }); // a source slug used twice
    slugs.add(slug);
    const persons = talk.speakers.map(person);
    const url = talk.id ? `${eventUrl}/talks/${encodeURIComponent(talk.id)}` : `${eventUrl}#${guid}`;
    return { talk, guid, id, slug, url, persons };
  };

  const days = layoutByDay(withDays(agenda)).map((day) => ({
    index: day.index,
    date: day.date,
    ...dayBounds(day, event.timeZone),
    rooms: day.rooms.map((group) => ({
      name: group.room,
      guid: roomGuid(key, group.room),
      talks: group.talks.map(describe),
    })),
  }));
  const roomNames = [...new Set(days.flatMap((d) => d.rooms.map((r) => r.name)))];
  const tracks = [...agenda.tracks]
    .sort((a, b) => a.position - b.position)
    .map((t) => {
      const slug = slugify(t.name);
      return {
        name: t.name,
        ...(TRACK_SLUG.test(slug) ? { slug } : {}),
        ...(t.colour && HEX_COLOUR.test(t.colour) ? { colour: t.colour.toLowerCase() } : {}),
      };
    });
  return {
    acronym,
    url: eventUrl,
    rooms: roomNames.map((name) => ({ name, guid: roomGuid(key, name) })),
    tracks,
    days,
  };
}

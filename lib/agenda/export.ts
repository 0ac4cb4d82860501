// Agenda exporters: frab schedule XML, pretalx/c3voc schedule JSON and iCalendar. Pure: they read
// an AgendaSnapshot (see loadAgendaSnapshot) and return text. Our parsers read both frab formats
// back to the same days, tracks and talks.
import { XMLBuilder } from "fast-xml-parser";
import ical from "ical-generator";
import { slugify } from "./build-plan";
import type { AgendaSnapshot, AgendaSnapshotTalk } from "./plan";
import { durationMinutes, guidsFor, layoutByDay, type DayGroup } from "./snapshot-layout";
import { formatDuration, localIsoDateTime, localTime } from "./time";

const GENERATOR = "Summit Notes";

function dayBounds(day: DayGroup, timeZone: string): { start?: string; end?: string } {
  if (!day.talks.length) return {};
  const start = Math.min(...day.talks.map((t) => t.startsAt.getTime()));
  const end = Math.max(...day.talks.map((t) => t.endsAt.getTime()));
  return { start: localIsoDateTime(new Date(start), timeZone), end: localIsoDateTime(new Date(end), timeZone) };
}

function talkFields(agenda: AgendaSnapshot, talk: AgendaSnapshotTalk, id: number, room: string) {
  const tz = agenda.event.timeZone;
  return {
    date: localIsoDateTime(talk.startsAt, tz),
    start: localTime(talk.startsAt, tz),
    duration: formatDuration(durationMinutes(talk)),
    room,
    slug: `${agenda.event.slug ?? slugify(agenda.event.name)}-${id}`,
    title: talk.title,
    subtitle: "",
    track: talk.track ?? "",
    type: talk.track === null ? "plenary" : "talk",
    language: "",
    abstract: talk.abstract,
    description: "",
  };
}

export function exportFrabXml(agenda: AgendaSnapshot): string {
  const guids = guidsFor(agenda);
  let id = 0;
  const days = layoutByDay(agenda).map((day) => {
    const { start, end } = dayBounds(day, agenda.event.timeZone);
    return {
      "@_index": day.index,
      "@_date": day.date,
      ...(start ? { "@_start": start, "@_end": end } : {}),
      room: day.rooms.map((group) => ({
        "@_name": group.room,
        event: group.talks.map((talk) => ({
          "@_guid": guids.get(talk),
          "@_id": ++id,
          ...talkFields(agenda, talk, id, group.room),
          persons: { person: talk.speakers.map((name) => ({ "#text": name })) },
        })),
      })),
    };
  });
  const { event } = agenda;
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    schedule: {
      generator: { "@_name": GENERATOR },
      version: "1.0",
      conference: {
        acronym: event.slug ?? slugify(event.name),
        title: event.name,
        start: event.startDate,
        end: event.endDate,
        days: days.length,
        timeslot_duration: "00:05",
        time_zone_name: event.timeZone,
        ...(event.venue ? { venue: event.venue } : {}),
      },
      day: days,
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true });
  return builder.build(doc) as string;
}

export function exportPretalxJson(agenda: AgendaSnapshot): string {
  const guids = guidsFor(agenda);
  const { event } = agenda;
  let id = 0;
  const layout = layoutByDay(agenda);
  const roomNames = [...new Set(layout.flatMap((d) => d.rooms.map((r) => r.room)))];
  const schedule = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: GENERATOR },
    schedule: {
      version: "1.0",
      conference: {
        acronym: event.slug ?? slugify(event.name),
        title: event.name,
        start: event.startDate,
        end: event.endDate,
        daysCount: layout.length,
        timeslot_duration: "00:05",
        time_zone_name: event.timeZone,
        ...(event.venue ? { venue: event.venue } : {}),
        rooms: roomNames.map((name) => ({ name })),
        tracks: [...agenda.tracks].sort((a, b) => a.position - b.position).map((t) => ({ name: t.name, ...(t.colour ? { color: t.colour } : {}) })),
        days: layout.map((day) => {
          const { start, end } = dayBounds(day, event.timeZone);
          const rooms: Record<string, unknown[]> = {};
          for (const group of day.rooms) {
            const list = (rooms[group.room] ??= []);
            for (const talk of group.talks) {
              list.push({
                guid: guids.get(talk),
                id: ++id,
                ...talkFields(agenda, talk, id, group.room),
                track: talk.track, // pretalx writes null for "no track"
                ...(talk.level ? { level: talk.level } : {}),
                persons: talk.speakers.map((name) => ({ public_name: name })),
                links: [],
                attachments: [],
              });
            }
          }
          return { index: day.index, date: day.date, ...(start ? { day_start: start, day_end: end } : {}), rooms };
        }),
      },
    },
  };
  return `${JSON.stringify(schedule, null, 2)}\n`;
}

export type IcsExportOptions = {
  /** Calendar name shown by calendar apps (the event's name, or "My agenda – AWS Summit Seoul"). */
  name: string;
  /** DTSTAMP; fixed in tests so the output is reproducible. Defaults to now. */
  now?: Date;
};

/** A calendar of the talks (all of an agenda, or a chosen few such as a user's starred talks), in UTC. */
export function exportIcs(source: AgendaSnapshot | AgendaSnapshotTalk[], options: IcsExportOptions): string {
  const talks = Array.isArray(source) ? source : source.talks;
  const calendar = ical({ name: options.name, prodId: { company: "Summit Notes", product: "Agenda", language: "EN" } });
  for (const [i, talk] of talks.entries()) {
    const description = [talk.speakers.length ? `Speakers: ${talk.speakers.join(", ")}` : "", talk.abstract].filter(Boolean).join("\n\n");
    calendar.createEvent({
      id: talk.guid ?? talk.id ?? `talk-${i + 1}`,
      start: talk.startsAt,
      end: talk.endsAt,
      stamp: options.now ?? new Date(),
      summary: talk.title,
      ...(description ? { description } : {}),
      ...(talk.room || talk.track ? { location: talk.room ?? talk.track! } : {}),
      ...(talk.track ? { categories: [{ name: talk.track }] } : {}),
    });
  }
  return calendar.toString();
}

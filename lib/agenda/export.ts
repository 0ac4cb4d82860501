// Agenda exporters: frab schedule XML, c3voc schedule JSON and iCalendar. Pure: they read an
// AgendaSnapshot (see loadAgendaSnapshot) and return text. The XML and JSON pass the c3voc
// validators (lib/agenda/validators: schedule.xml.xsd, schema.json; tested in export.test.ts),
// and our parsers read both back to the same days, tracks and talks.
import { XMLBuilder } from "fast-xml-parser";
import { talksToIcs } from "../schedule/ics";
import type { AgendaSnapshot, AgendaSnapshotTalk } from "./plan";
import { isJsonTimeZoneName } from "./schedule-ids";
import { buildScheduleModel, type ScheduleExportOptions, type ScheduleTalk } from "./schedule-model";
import { durationMinutes } from "./snapshot-layout";
import { formatDuration, formatIsoDateTime, formatTime } from "../time/zoned";

export type { ScheduleExportOptions } from "./schedule-model";

const GENERATOR = "Summit Notes";

// Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, U+FFFE/U+FFFF, lone
// surrogates). Imported or typed text may hold them; escaping cannot help, so they are left out.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `value` with every string in it made writable as XML. */
function xmlSafe<T>(value: T): T {
  if (typeof value === "string") return value.replace(NOT_XML, "") as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  return value;
}
const SCHEDULE_VERSION = "1.0";

/** The fields both formats share, in the names both use. */
function talkFields(agenda: AgendaSnapshot, t: ScheduleTalk, room: string) {
  const tz = agenda.event.timeZone;
  const { talk } = t;
  return {
    date: formatIsoDateTime(talk.startsAt, tz),
    start: formatTime(talk.startsAt, tz),
    duration: formatDuration(durationMinutes(talk)),
    room,
    slug: t.slug,
    url: t.url,
    title: talk.title,
    subtitle: "",
    type: talk.track === null ? "plenary" : "talk",
    abstract: talk.abstract,
    description: "",
  };
}

export function exportFrabXml(agenda: AgendaSnapshot, options: ScheduleExportOptions): string {
  const model = buildScheduleModel(agenda, options);
  const { event } = agenda;
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    schedule: {
      generator: { "@_name": GENERATOR },
      version: SCHEDULE_VERSION,
      conference: {
        acronym: model.acronym,
        title: event.name,
        start: event.startDate,
        end: event.endDate,
        days: model.days.length,
        timeslot_duration: "00:05",
        time_zone_name: event.timeZone,
        url: model.url,
        track: model.tracks.map((t) => ({
          "@_name": t.name,
          ...(t.colour ? { "@_color": t.colour } : {}),
          ...(t.slug ? { "@_slug": t.slug } : {}),
        })),
      },
      day: model.days.map((day) => ({
        "@_index": day.index,
        "@_date": day.date,
        "@_start": day.start,
        "@_end": day.end,
        room: day.rooms.map((room) => ({
          "@_name": room.name,
          "@_guid": room.guid,
          event: room.talks.map((t) => ({
            "@_guid": t.guid,
            "@_id": t.id,
            ...talkFields(agenda, t, room.name),
            track: t.talk.track ?? "",
            persons: { person: t.persons.map((p) => ({ "@_id": p.id, "@_guid": p.guid, "#text": p.name })) },
          })),
        })),
      })),
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
  });
  return builder.build(xmlSafe(doc)) as string;
}

export function exportPretalxJson(agenda: AgendaSnapshot, options: ScheduleExportOptions): string {
  const model = buildScheduleModel(agenda, options);
  const { event } = agenda;
  const tz = event.timeZone;
  const schedule = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: GENERATOR },
    schedule: {
      version: SCHEDULE_VERSION,
      conference: {
        acronym: model.acronym,
        title: event.name,
        start: event.startDate,
        end: event.endDate,
        daysCount: model.days.length,
        timeslot_duration: "00:05",
        // The schema's pattern refuses some real zones (Etc/GMT-9); the dates carry offsets anyway.
        ...(isJsonTimeZoneName(tz) ? { time_zone_name: tz } : {}),
        url: model.url,
        rooms: model.rooms,
        tracks: model.tracks.map((t) => ({
          name: t.name,
          ...(t.slug ? { slug: t.slug } : {}),
          ...(t.colour ? { color: t.colour } : {}),
        })),
        days: model.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            day.rooms.map((room) => [
              room.name,
              room.talks.map((t) => ({
                guid: t.guid,
                id: t.id,
                ...talkFields(agenda, t, room.name),
                end: formatIsoDateTime(t.talk.endsAt, tz),
                track: t.talk.track, // null: a plenary, in no track
                language: null,
                persons: t.persons.map((p) => ({ id: p.id, guid: p.guid, public_name: p.name })),
                links: [],
                attachments: [],
              })),
            ]),
          ),
        })),
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
  return talksToIcs(
    talks.map((talk) => ({
      id: talk.id,
      guid: talk.guid,
      title: talk.title,
      abstract: talk.abstract,
      startsAt: talk.startsAt,
      endsAt: talk.endsAt,
      speakers: talk.speakers,
      location: talk.room ?? talk.track ?? null,
      categories: talk.track ? [talk.track] : [],
      timeUnknown: talk.timeUnknown,
      timeZone: Array.isArray(source) ? undefined : source.event.timeZone,
    })),
    options,
  );
}

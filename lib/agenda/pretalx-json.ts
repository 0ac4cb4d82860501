// The c3voc / pretalx schedule JSON: schedule.conference.days[].rooms{ room name: events[] }.
// `start` is "HH:MM" in older exports and an ISO date-time in some newer ones; both are accepted.
import { z } from "zod";
import { parseJsonSafely } from "@/lib/security/safe-object";
import { buildAgendaPlan } from "./build-plan";
import { guardAgendaText } from "./input";
import { failedPlan, type AgendaParseOptions, type AgendaPlan } from "./plan";
import { emptyRawAgenda, text, type RawAgenda } from "./raw";
import { quote } from "./text";

// Only the structure is checked here; leaf values stay `unknown` and are judged by the plan builder,
// which names the talk in its messages (a schema error could only name a JSON path).
const scheduleEvent = z.looseObject({ persons: z.array(z.unknown()).optional() });
const scheduleDay = z.looseObject({
  date: z.unknown(),
  day_start: z.unknown().optional(),
  // Exporters written in PHP print an empty object as [], so an empty list counts as no rooms.
  rooms: z.preprocess(
    (v) => (Array.isArray(v) && v.length === 0 ? {} : v),
    z.record(z.string(), z.array(scheduleEvent)),
  ),
});
const scheduleJson = z.looseObject({
  schedule: z.looseObject({
    conference: z.looseObject({
      title: z.unknown(),
      days: z.array(scheduleDay),
      rooms: z.array(z.looseObject({ name: z.unknown() })).optional(),
      tracks: z.array(z.looseObject({ name: z.unknown(), color: z.unknown().optional() })).optional(),
    }),
  }),
});

function jsonPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

function personName(person: unknown): string {
  if (typeof person === "string") return person;
  const p = (person ?? {}) as Record<string, unknown>;
  return text(p.public_name) ?? text(p.name) ?? text(p.full_public_name) ?? "";
}

export function parsePretalxJson(source: string, options: AgendaParseOptions = {}): AgendaPlan {
  const guarded = guardAgendaText(source, options);
  if ("plan" in guarded) return guarded.plan;
  let json: unknown;
  try {
    json = parseJsonSafely(guarded.text); // no __proto__/constructor/prototype key survives reading
  } catch (e) {
    if (e instanceof RangeError)
      return failedPlan("The JSON is nested far too deep to be a schedule.", options.timeZone);
    return failedPlan(`The file is not valid JSON: ${(e as Error).message}.`, options.timeZone);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json) || !("schedule" in json)) {
    return failedPlan(
      'The JSON has no top-level "schedule" object, so it is not a pretalx / c3voc schedule.',
      options.timeZone,
    );
  }
  const parsed = scheduleJson.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failedPlan(
      `The JSON is not a pretalx / c3voc schedule: at ${jsonPath(issue.path)}, ${issue.message.replace(/^Invalid input: /, "")}.`,
      options.timeZone,
      jsonPath(issue.path),
    );
  }
  return buildAgendaPlan(readConference(parsed.data.schedule.conference), options);
}

function readConference(conference: z.infer<typeof scheduleJson>["schedule"]["conference"]): RawAgenda {
  const raw = emptyRawAgenda();
  raw.eventNameWhere = "schedule.conference.title";
  raw.event = {
    name: text(conference.title),
    acronym: text(conference.acronym),
    startDate: text(conference.start),
    endDate: text(conference.end),
    timeZone: text(conference.time_zone_name) ?? text(conference.timezone),
    venue: text(conference.venue),
  };
  raw.tracks = (conference.tracks ?? [])
    .map((t) => ({ name: text(t.name) ?? "", colour: text(t.color) }))
    .filter((t) => t.name);
  const rooms = new Set((conference.rooms ?? []).map((r) => text(r.name)).filter((n): n is string => !!n));
  for (const [dayIndex, day] of conference.days.entries()) {
    const date = text(day.date) ?? "";
    const dayWhere = `schedule.conference.days[${dayIndex}] (${date || "no date"})`;
    raw.days.push({ date, where: dayWhere });
    for (const [roomName, events] of Object.entries(day.rooms)) {
      rooms.add(roomName);
      for (const [eventIndex, event] of events.entries()) {
        const guid = text(event.guid) ?? text(event.id);
        const abstract = text(event.abstract);
        raw.talks.push({
          where: `${dayWhere}, room ${quote(roomName)}, event ${guid ? quote(guid) : eventIndex + 1}`,
          guid,
          slug: text(event.slug),
          title: text(event.title),
          abstract: abstract?.trim() ? abstract : text(event.description),
          day: date || undefined,
          date: text(event.date),
          start: text(event.start) ?? "",
          duration: text(event.duration) ?? "",
          dayStart: text(day.day_start),
          room: text(event.room) || roomName,
          track: text(event.track),
          type: text(event.type),
          level: text(event.level),
          speakers: (event.persons ?? []).map(personName),
        });
      }
    }
  }
  raw.rooms = [...rooms];
  return raw;
}

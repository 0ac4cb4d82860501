// Schedule v2 JSON, the format the CCC hub publishes since 2024 (c3voc validator/json/schema2.json):
// schedule.conference { title, acronym, time_zone_name, rooms[{ name, guid }], tracks[{ name, slug,
// colors }], days[{ date, start, end }] } and one flat schedule.events list whose events carry
// start/end date-times, a room object ({ guid, name? }), a track ({ slug }) and participants.
// Read into the same RawAgenda as the other formats, so plan → preview → apply is shared.
import { z } from "zod";
import { parseJsonSafely } from "@/lib/security/safe-object";
import { buildAgendaPlan } from "./build-plan";
import { guardAgendaText } from "./input";
import { failedPlan, type AgendaParseOptions, type AgendaPlan } from "./plan";
import { emptyRawAgenda, text, type RawAgenda } from "./raw";
import { quote } from "./text";

type Json = Record<string, unknown>;

// Only the structure is checked here; leaf values stay `unknown` and are judged by the plan builder.
const scheduleV2Json = z.looseObject({
  schedule: z.looseObject({
    conference: z.looseObject({
      title: z.unknown(),
      days: z.array(z.looseObject({ date: z.unknown() })).optional(),
      rooms: z.array(z.looseObject({})).optional(),
      tracks: z.array(z.looseObject({})).optional(),
    }),
    events: z.array(z.looseObject({})),
  }),
});

/** Types schema2.json gives entries that are not talks (MetaEvent). */
const NOT_TALKS = /^(break|meta)$/i;

const record = (value: unknown): Json =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A LocalizableString: plain text, or { en: "…", de: "…" } read in the preferred language. */
function localized(value: unknown, languages: (string | undefined)[]): string | undefined {
  const plain = text(value);
  if (plain !== undefined) return plain;
  const map = record(value);
  for (const language of [...languages, "en"]) {
    const found = language ? text(map[language]) : undefined;
    if (found !== undefined) return found;
  }
  return Object.values(map)
    .map(text)
    .find((v) => v !== undefined);
}

/** schema2.json durations are ISO 8601 ("PT1H30M"); the plan builder reads "HH:MM". */
function clockDuration(value: unknown): string | undefined {
  const raw = text(value)?.trim();
  const m = raw ? /^PT(?:(\d+)H)?(?:(\d+)M)?$/i.exec(raw) : null;
  if (!m || (!m[1] && !m[2])) return raw;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function jsonPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

export function parseScheduleV2Json(source: string, options: AgendaParseOptions = {}): AgendaPlan {
  const guarded = guardAgendaText(source, options);
  if ("plan" in guarded) return guarded.plan;
  let json: unknown;
  try {
    json = parseJsonSafely(guarded.text); // no __proto__/constructor/prototype key survives reading (as pretalx-json.ts)
  } catch (e) {
    if (e instanceof RangeError)
      return failedPlan("The JSON is nested far too deep to be a schedule.", options.timeZone);
    return failedPlan(`The file is not valid JSON: ${(e as Error).message}.`, options.timeZone);
  }
  const parsed = scheduleV2Json.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = jsonPath(issue.path);
    return failedPlan(
      `The JSON is not a schedule v2 (hub) file: at ${where}, ${issue.message.replace(/^Invalid input: /, "")}.`,
      options.timeZone,
      where,
    );
  }
  return buildAgendaPlan(readScheduleV2(parsed.data.schedule), options);
}

function readScheduleV2(schedule: z.infer<typeof scheduleV2Json>["schedule"]): RawAgenda {
  const { conference } = schedule;
  const raw = emptyRawAgenda();
  raw.eventNameWhere = "schedule.conference.title";
  raw.event = {
    name: text(conference.title),
    acronym: text(conference.acronym),
    startDate: text(conference.start),
    endDate: text(conference.end),
    timeZone: text(conference.time_zone_name),
  };
  const defaultLanguage = text(record(conference.defaults).language);

  const days = (conference.days ?? []).map((d, i) => ({
    date: text(d.date) ?? "",
    start: text(d.start),
    end: text(d.end),
    where: `schedule.conference.days[${i}]`,
  }));
  raw.days = days.map(({ date, where }) => ({ date, where: `${where} (${date || "no date"})` }));
  // The conference day a talk belongs to: the one whose start–end holds its start (CCC nights run past midnight).
  const spans = days
    .map((d) => ({ date: d.date, from: Date.parse(d.start ?? ""), to: Date.parse(d.end ?? "") }))
    .filter((d) => d.date && Number.isFinite(d.from) && Number.isFinite(d.to));
  const dayOf = (start: string | undefined) => {
    const at = Date.parse(start ?? "");
    return Number.isFinite(at) ? spans.find((d) => at >= d.from && at < d.to)?.date : undefined;
  };

  const roomNames = new Map<string, string>(); // guid or slug → name
  for (const room of conference.rooms ?? []) {
    const name = text(room.name);
    if (!name) continue;
    raw.rooms.push(name);
    for (const key of [text(room.guid), text(room.slug)]) if (key) roomNames.set(key, name);
  }
  const trackNames = new Map<string, string>(); // slug → name
  for (const track of conference.tracks ?? []) {
    const name = text(track.name);
    if (!name) continue;
    const colours = record(track.colors);
    raw.tracks.push({ name, colour: text(track.color) ?? text(colours.light) ?? text(colours.dark) });
    const slug = text(track.slug);
    if (slug) trackNames.set(slug, name);
  }

  let skipped = 0;
  for (const [index, event] of schedule.events.entries()) {
    if (NOT_TALKS.test(text(event.type) ?? "")) {
      skipped++;
      continue;
    }
    const guid = text(event.guid) ?? text(event.code);
    const where = `schedule.events[${index}]${guid ? ` (${quote(guid)})` : ""}`;
    const room = record(event.room);
    const roomKey = text(room.guid) ?? text(room.slug);
    const roomName = text(event.room) ?? text(room.name) ?? (roomKey ? roomNames.get(roomKey) : undefined);
    if (!roomName && roomKey)
      raw.problems.push({
        severity: "warning",
        message: `The event at ${where} names the room ${quote(roomKey)}, which schedule.conference.rooms does not list; it is read as a plenary.`,
        where,
      });
    const track = record(event.track);
    const trackSlug = text(track.slug);
    const languages = [text(event.language), defaultLanguage];
    const abstract = localized(event.abstract, languages);
    const people = list(event.participants).length ? list(event.participants) : list(event.persons);
    const start = text(event.start) ?? text(event.date);
    raw.talks.push({
      where,
      guid,
      slug: text(event.slug),
      title: localized(event.title, languages),
      abstract: abstract?.trim() ? abstract : localized(event.description, languages),
      day: dayOf(start),
      start: start ?? "",
      ...(text(event.end) ? { end: text(event.end) } : { duration: clockDuration(event.duration) ?? "" }),
      room: roomName,
      track:
        text(event.track) ?? text(track.name) ?? (trackSlug ? (trackNames.get(trackSlug) ?? trackSlug) : undefined),
      type: text(event.type),
      speakers: people.map((p) => text(p) ?? text(record(p).name) ?? text(record(p).public_name) ?? ""),
    });
  }
  if (skipped)
    raw.problems.push({
      severity: "warning",
      message: `${skipped} entr${skipped === 1 ? "y is a break or meta entry" : "ies are breaks or meta entries"} (type BREAK/META), not talks, and ${skipped === 1 ? "was" : "were"} not imported.`,
    });
  return raw;
}

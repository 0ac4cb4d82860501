// frab schedule XML, as published by frab, pretalx, FOSDEM (pentabarf) and the CCC:
// schedule/conference + schedule/day[@date]/room[@name]/event[@guid].
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { xmlShapeProblem } from "@/lib/security/bounded-xml";
import { isPrototypeKey } from "@/lib/security/safe-object";
import { buildAgendaPlan } from "./build-plan";
import { guardAgendaText } from "./input";
import { failedPlan, type AgendaParseOptions, type AgendaPlan } from "./plan";
import { emptyRawAgenda, text, type RawAgenda } from "./raw";
import { quote } from "./text";

type Node = Record<string, unknown>;

// A frab schedule is about seven elements deep, and its elements carry a handful of attributes.
// Beyond these the file is refused before the validator and parser see it (both are slow on such
// shapes: a million levels, or 200,000 attributes on one element, took seconds).
export const MAX_XML_DEPTH = 64;
export const MAX_XML_ATTRIBUTES = 64;

const LISTS = new Set([
  "schedule.conference.track",
  "schedule.day",
  "schedule.day.room",
  "schedule.day.room.event",
  "schedule.day.room.event.persons.person",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Keep every value a string: a title "2048" or a guid "0012" must not turn into a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
  maxNestedTags: MAX_XML_DEPTH,
  // An element called __proto__/constructor/prototype is renamed (the parser would throw on it); no
  // frab element has such a name, so it is ignored like any unknown element.
  transformTagName: (name) => (isPrototypeKey(name) ? `_${name}` : name),
});

/** Text of an element that may carry attributes (then the parser nests it under "#text"). */
function nodeText(value: unknown): string | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return text((value as Node)["#text"]) ?? "";
  return text(value);
}

function asNode(value: unknown): Node {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {};
}

function asList(value: unknown): Node[] {
  return Array.isArray(value) ? value.map(asNode) : [];
}

export function parseFrabXml(source: string, options: AgendaParseOptions = {}): AgendaPlan {
  const guarded = guardAgendaText(source, options);
  if ("plan" in guarded) return guarded.plan;
  const xml = guarded.text.trim();
  if (!xml.startsWith("<"))
    return failedPlan("The file is not XML: it does not start with an element ('<').", options.timeZone);
  // Entity declarations are the door to "billion laughs" expansion; schedules never need them.
  if (/<!ENTITY/i.test(xml))
    return failedPlan(
      "The XML declares entities (<!ENTITY …>), which are refused for safety; export the schedule without a DTD.",
      options.timeZone,
    );
  const shape = xmlShapeProblem(xml, { maxDepth: MAX_XML_DEPTH, maxAttributes: MAX_XML_ATTRIBUTES });
  if (shape?.kind === "depth")
    return failedPlan(
      `The XML is nested more than ${shape.limit} elements deep (line ${shape.line}); a frab schedule is only a few levels deep.`,
      options.timeZone,
      `line ${shape.line}`,
    );
  if (shape?.kind === "attributes")
    return failedPlan(
      `An element has more than ${shape.limit} attributes (line ${shape.line}); frab schedule elements have a few.`,
      options.timeZone,
      `line ${shape.line}`,
    );
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return failedPlan(
      `The file is not well-formed XML: ${msg} (line ${line}, column ${col}).`,
      options.timeZone,
      `line ${line}`,
    );
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return failedPlan(`The XML cannot be read: ${(e as Error).message}.`, options.timeZone);
  }
  const root = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("#"));
  if (root !== "schedule") {
    return failedPlan(
      `The XML root element is <${root ?? "nothing"}>, but a frab schedule starts with <schedule>.`,
      options.timeZone,
    );
  }
  return buildAgendaPlan(readSchedule(asNode(doc.schedule)), options);
}

function readSchedule(schedule: Node): RawAgenda {
  const raw = emptyRawAgenda();
  const conference = asNode(schedule.conference);
  if (!("conference" in schedule))
    raw.problems.push({
      severity: "error",
      message: "The schedule has no <conference> element, so the event has no title or dates.",
    });
  raw.eventNameWhere = "schedule/conference/title";
  raw.event = {
    name: nodeText(conference.title),
    acronym: nodeText(conference.acronym),
    startDate: nodeText(conference.start),
    endDate: nodeText(conference.end),
    timeZone: nodeText(conference.time_zone_name) ?? nodeText(conference.timezone),
    venue: nodeText(conference.venue),
  };
  // <track name color/> under <conference> (pretalx, our export): the order and colours of the tracks.
  raw.tracks = asList(conference.track)
    .map((t) => ({ name: text(t["@_name"]) ?? "", colour: text(t["@_color"]) }))
    .filter((t) => t.name);
  const rooms = new Set<string>();
  for (const [dayIndex, day] of asList(schedule.day).entries()) {
    const date = text(day["@_date"]) ?? "";
    const dayWhere = `day ${date || `#${dayIndex + 1}`}`;
    raw.days.push({ date, where: dayWhere });
    for (const room of asList(day.room)) {
      const roomName = text(room["@_name"]) ?? "";
      if (roomName) rooms.add(roomName);
      for (const [eventIndex, event] of asList(room.event).entries()) {
        const id = text(event["@_id"]);
        const guid = text(event["@_guid"]);
        const persons = asNode(event.persons).person;
        const abstract = nodeText(event.abstract);
        raw.talks.push({
          where: `${dayWhere}, room ${quote(roomName)}, event ${guid ? quote(guid) : (id ?? eventIndex + 1)}`,
          // Pentabarf files (older FOSDEM) have ids but no guids; the id is just as stable for re-imports.
          guid: guid ?? id,
          slug: nodeText(event.slug),
          title: nodeText(event.title),
          abstract: abstract?.trim() ? abstract : nodeText(event.description),
          day: date || undefined,
          date: nodeText(event.date),
          start: nodeText(event.start) ?? "",
          duration: nodeText(event.duration) ?? "",
          dayStart: text(day["@_start"]),
          room: nodeText(event.room) || roomName,
          track: nodeText(event.track),
          type: nodeText(event.type),
          level: nodeText(event.level),
          speakers: Array.isArray(persons) ? persons.map((p) => nodeText(p) ?? "") : [],
        });
      }
    }
  }
  raw.rooms = [...rooms];
  return raw;
}

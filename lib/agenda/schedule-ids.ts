// The identifiers an exported schedule carries, as the c3voc validators want them (guid: a UUID;
// id: a positive integer; slug: `<acronym>-<id>-<title>`; acronym: lower-case, no dashes), made
// the same on every export of an unchanged agenda without storing anything:
// - a talk's own guid (from an import) is kept when it is a UUID; any other guid ("keynote-1", a
//   pentabarf id) is turned into UUIDv5(event slug + guid), a talk created in Summit Notes gets
//   UUIDv5(talk id), which never changes (moving a talk keeps its id);
// - ids, person and room guids are UUIDv5 / hashes of those names, slugs keep an imported slug
//   when it passes both validators, else are made from the acronym, the id and the title.
// The same mapping matches a re-imported export with the stored talks (see diffAgendaTalks).
import { v5 as uuidv5 } from "uuid";
import { slugify } from "./text";

/** Our UUIDv5 namespace: UUIDv5(URL namespace, "urn:summit-notes:schedule"). */
export const SCHEDULE_NAMESPACE = uuidv5("urn:summit-notes:schedule", uuidv5.URL);

const utf8 = new TextEncoder();

/** UUIDv5 of a name in our namespace. As UTF-8 bytes: a lone surrogate in a name becomes U+FFFD instead of throwing. */
function derived(name: string): string {
  return uuidv5(utf8.encode(name), SCHEDULE_NAMESPACE);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** validator/json/schema.json: Event.slug, Room.slug, track slug. */
const JSON_SLUG = /^[a-z0-9_-]+[a-z0-9]$/;
/** validator/xsd/schedule.xml.xsd: voc-slug-new (XSD patterns match the whole value). */
const XML_SLUG = /^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/;
/** validator/json/schema.json: Conference.acronym. */
export const JSON_ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
/** validator/json/schema.json: Conference.time_zone_name (as written there: only the start or the end is anchored). */
const JSON_TIME_ZONE = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

const MAX_SLUG = 200;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A slug both validators accept (the XSD's pattern is stricter than the JSON schema's), of a sane
 * length: only such a source slug is kept, since any other would be replaced on export anyway.
 */
export function isExportableSlug(value: string): boolean {
  return value.length <= MAX_SLUG && JSON_SLUG.test(value) && XML_SLUG.test(value);
}

export function isJsonTimeZoneName(timeZone: string): boolean {
  return JSON_TIME_ZONE.test(timeZone);
}

/** The event's key in derived ids: its slug (or, for an agenda not stored yet, its slugified name). */
export function eventKey(event: { slug?: string; name: string }): string {
  return event.slug || slugify(event.name) || "event";
}

/**
 * The conference acronym: the event slug with dashes as underscores ("aws-summit-seoul-2016" →
 * "aws_summit_seoul_2016"), at least 4 characters. Importing it gives back the same slug.
 */
export function scheduleAcronym(event: { slug?: string; name: string }): string {
  return eventKey(event).replace(/-/g, "_").padEnd(4, "_");
}

/**
 * The UUID a talk is exported with, and the key a re-import matches it by: its own guid when that
 * is a UUID (lower-cased), else UUIDv5 of the event key and that guid, else UUIDv5 of its id.
 * Null for a talk with neither (an agenda that was never stored).
 */
export function talkScheduleGuid(key: string, talk: { guid?: string; id?: string }): string | null {
  if (talk.guid) return isUuid(talk.guid) ? talk.guid.toLowerCase() : derived(`guid:${key}/${talk.guid}`);
  if (talk.id) return derived(`talk:${talk.id}`);
  return null;
}

/** A guid for a talk that has none and no id (never stored): stable for the same agenda file. */
export function placeholderTalkGuid(key: string, position: number): string {
  return derived(`place:${key}/${position}`);
}

export function roomGuid(key: string, room: string): string {
  return derived(`room:${key}/${room}`);
}

export function personGuid(key: string, name: string): string {
  return derived(`person:${key}/${name}`);
}

/** A positive 31-bit integer from a UUID (hashed again, so time-ordered UUIDs spread too). */
export function numberFromGuid(guid: string): number {
  const hash = derived(`id:${guid.toLowerCase()}`);
  return (parseInt(hash.slice(0, 8), 16) % 0x7fffffff) + 1;
}

/**
 * Unique integer ids for the talks (the XSD requires unique ids). Assigned in guid order, so a
 * clash (about 1 in 4,000 for a 1,000-talk agenda) moves only the later talk to the next free number.
 */
export function assignTalkNumbers(guids: string[]): Map<string, number> {
  const taken = new Set<number>();
  const numbers = new Map<string, number>();
  for (const guid of [...new Set(guids)].sort()) {
    let n = numberFromGuid(guid);
    while (taken.has(n)) n = (n % 0x7fffffff) + 1;
    taken.add(n);
    numbers.set(guid, n);
  }
  return numbers;
}

/** The talk's own slug when both validators accept it, else `<acronym>-<id>-<title slug>`. */
export function talkScheduleSlug(acronym: string, id: number, talk: { slug?: string; title: string }): string {
  if (talk.slug && isExportableSlug(talk.slug)) return talk.slug;
  return `${acronym}-${id}-${slugify(talk.title) || "talk"}`;
}

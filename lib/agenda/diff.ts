// Matches an incoming plan's talks with the stored ones, so a re-import updates talks in place
// (their notes, stars and claims point at Talk.id and must stay attached).
import type { AgendaSnapshotTalk, AgendaTalk } from "./plan";
import { talkScheduleGuid } from "./schedule-ids";

export type TalkMatch<E extends AgendaSnapshotTalk> = {
  planned: AgendaTalk;
  existing: E;
  /** Time, day or track changed. */
  moved: boolean;
  /** Title, abstract, speakers, level, slug or guid changed (a file without levels or slugs keeps the stored ones). */
  changed: boolean;
};

export type AgendaTalkDiff<E extends AgendaSnapshotTalk> = {
  added: AgendaTalk[];
  matched: TalkMatch<E>[];
  removed: E[];
};

function uniqueBy<T>(items: T[], key: (t: T) => string): Map<string, T> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map(items.filter((item) => counts.get(key(item)) === 1).map((item) => [key(item), item]));
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export type DiffOptions = {
  /**
   * The stored event's key (its slug, see schedule-ids.ts eventKey). With it, a guid also matches
   * the UUID our exports give the stored talk, so re-importing an export changes nothing.
   */
  eventKey?: string;
};

/**
 * Matching, in order of trust: the guid; the UUID our export gave the stored talk (with
 * `eventKey`); the guid against a stored talk's id (exports before those UUIDs); last the exact
 * title, when the title is unique on both sides and one of the two has no guid (a CSV re-import of
 * a frab agenda, or the other way round). Two talks that both have guids, different ones, are
 * never paired by title.
 */
export function diffAgendaTalks<E extends AgendaSnapshotTalk>(
  planned: AgendaTalk[],
  existing: E[],
  { eventKey }: DiffOptions = {},
): AgendaTalkDiff<E> {
  const free = new Set(existing);
  const byGuid = new Map(existing.filter((e) => e.guid).map((e) => [e.guid!, e]));
  const scheduleGuid = (t: { guid?: string; id?: string }) =>
    eventKey === undefined ? null : talkScheduleGuid(eventKey, t);
  const byScheduleGuid = new Map(
    existing.map((e) => [scheduleGuid(e), e]).filter((entry): entry is [string, E] => entry[0] !== null),
  );
  const byId = new Map(existing.filter((e) => e.id).map((e) => [e.id!, e]));
  const sameGuid = (p: AgendaTalk, e: E) =>
    p.guid === undefined || p.guid === e.guid || (scheduleGuid({ guid: p.guid }) ?? p.guid) === scheduleGuid(e);
  const pairs: [AgendaTalk, E][] = [];
  const unmatched: AgendaTalk[] = [];
  for (const talk of planned) {
    const found = talk.guid
      ? (byGuid.get(talk.guid) ?? byScheduleGuid.get(scheduleGuid({ guid: talk.guid })!) ?? byId.get(talk.guid))
      : undefined;
    if (found && free.has(found)) {
      free.delete(found);
      pairs.push([talk, found]);
    } else unmatched.push(talk);
  }
  const plannedByTitle = uniqueBy(unmatched, (t) => t.title);
  const existingByTitle = uniqueBy([...free], (e) => e.title);
  const added: AgendaTalk[] = [];
  for (const talk of unmatched) {
    const found = plannedByTitle.get(talk.title) === talk ? existingByTitle.get(talk.title) : undefined;
    if (found && (!talk.guid || !found.guid)) {
      free.delete(found);
      pairs.push([talk, found]);
    } else added.push(talk);
  }
  const matched = pairs.map(([p, e]) => ({
    planned: p,
    existing: e,
    moved:
      p.startsAt.getTime() !== e.startsAt.getTime() ||
      p.endsAt.getTime() !== e.endsAt.getTime() ||
      p.day !== e.day ||
      p.track !== e.track,
    changed:
      p.title !== e.title ||
      p.abstract !== e.abstract ||
      (p.level !== undefined && p.level !== e.level) ||
      (p.slug !== undefined && e.slug !== undefined && p.slug !== e.slug) ||
      !sameGuid(p, e) ||
      !sameList(p.speakers, e.speakers),
  }));
  return { added, matched, removed: existing.filter((e) => free.has(e)) };
}

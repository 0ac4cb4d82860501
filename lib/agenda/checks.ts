// Whole-agenda checks that need every talk at once: guid uniqueness and overlaps within a column.
import type { AgendaProblem } from "./plan";
import type { NormalTalk } from "./normalize-talk";
import { talkLabel } from "./raw";
import { quote } from "./text";
import { formatTime } from "../time/zoned";

export function checkDuplicateGuids(talks: NormalTalk[], report: (p: AgendaProblem) => void): void {
  const seen = new Map<string, NormalTalk>();
  for (const talk of talks) {
    if (!talk.guid) continue;
    const first = seen.get(talk.guid);
    if (first) {
      report({
        severity: "error",
        message: `${talkLabel(talk)} has the guid ${quote(talk.guid)}, which ${talkLabel(first).replace(/^Talk/, "talk")} already uses; guids must be unique.`,
        where: talk.where,
      });
    } else seen.set(talk.guid, talk);
  }
}

/**
 * Two talks in one column at once is an error (the grid cannot show it, and it is almost always a
 * typo in a time). A plenary over tracked talks is only a warning: some agendas print a keynote
 * while side rooms still run.
 */
export function checkOverlaps(
  talks: NormalTalk[],
  columnOf: (t: NormalTalk) => string | null,
  timeZone: string,
  report: (p: AgendaProblem) => void,
): void {
  const range = (t: NormalTalk) => `${formatTime(t.startsAt, timeZone)}–${formatTime(t.endsAt, timeZone)}`;
  const byColumn = new Map<string | null, NormalTalk[]>();
  for (const t of talks) {
    const column = columnOf(t);
    const list = byColumn.get(column);
    if (list) list.push(t);
    else byColumn.set(column, [t]);
  }
  for (const [column, list] of byColumn) {
    const sorted = [...list].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime(),
    );
    let latest: NormalTalk | undefined;
    for (const t of sorted) {
      if (latest && t.startsAt < latest.endsAt) {
        const where = column === null ? "among the plenary talks" : `in ${column}`;
        report({
          severity: "error",
          message: `Talk ${quote(t.title)} ${range(t)} overlaps ${quote(latest.title)} ${range(latest)} ${where} on ${t.day}.`,
          where: t.where,
        });
      }
      if (!latest || t.endsAt > latest.endsAt) latest = t;
    }
  }
  const tracked = talks.filter((t) => columnOf(t) !== null);
  for (const plenary of byColumn.get(null) ?? []) {
    const clashes = tracked.filter((t) => t.startsAt < plenary.endsAt && plenary.startsAt < t.endsAt);
    if (!clashes.length) continue;
    const first = clashes[0];
    report({
      severity: "warning",
      message: `Plenary talk ${quote(plenary.title)} ${range(plenary)} runs at the same time as ${clashes.length} tracked talk(s), e.g. ${quote(first.title)} ${range(first)} in ${columnOf(first)}.`,
      where: plenary.where,
    });
  }
}

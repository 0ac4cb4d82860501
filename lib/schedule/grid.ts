import { formatIsoDate } from "../time/zoned";

type GridTalk = { id: string; trackId: string | null; startsAt: Date; endsAt: Date };

export type GridRow<T extends GridTalk> = {
  startsAt: Date;
  endsAt: Date;
  plenary: T[];
  byTrack: Record<string, T[]>;
};

export type GridDay<T extends GridTalk> = { date: string; rows: GridRow<T>[] };

/**
 * Lays talks out as the printed agenda does: one section per day (in the event's time zone), one
 * row per start time (talks of different lengths starting together share it; the row ends with
 * the longest), plenary talks (no track) across every column in a row of their own.
 */
export function buildAgendaGrid<T extends GridTalk>(talks: T[], timeZone: string): GridDay<T>[] {
  const days = new Map<string, Map<string, GridRow<T>>>();
  for (const talk of [...talks].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime(),
  )) {
    const date = formatIsoDate(talk.startsAt, timeZone);
    const rows = days.get(date) ?? new Map<string, GridRow<T>>();
    days.set(date, rows);
    const key = `${talk.startsAt.getTime()}-${talk.trackId ? "tracks" : "plenary"}`;
    const row = rows.get(key) ?? { startsAt: talk.startsAt, endsAt: talk.endsAt, plenary: [], byTrack: {} };
    rows.set(key, row);
    if (talk.endsAt > row.endsAt) row.endsAt = talk.endsAt;
    if (talk.trackId) (row.byTrack[talk.trackId] ??= []).push(talk);
    else row.plenary.push(talk);
  }
  // Plenary before tracks when both start together.
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, rows]) => ({
      date,
      rows: [...rows.values()].sort(
        (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || b.plenary.length - a.plenary.length,
      ),
    }));
}

/** The row that is live at `now`, else the next one today, else null. */
export function liveRowIndex(
  rows: { startsAt: Date; endsAt: Date }[],
  now: Date,
): { index: number; isLive: boolean } | null {
  const t = now.getTime();
  const live = rows.findIndex((r) => r.startsAt.getTime() <= t && t < r.endsAt.getTime());
  if (live >= 0) return { index: live, isLive: true };
  const next = rows.findIndex((r) => r.startsAt.getTime() > t);
  return next >= 0 ? { index: next, isLive: false } : null;
}

// Decides the agenda's columns (our Tracks). Sources mean two things by "track": a parallel column
// (AWS Summit's "Track 3" in Room 301) or a topic that moves between rooms (CCC's "Security").
// A topic track would make every parallel talk of that topic look like an overlap, so tracks are
// only used as columns when each one stays in a single room; otherwise the rooms are the columns.
// A talk with no track falls back to its room ("rooms become tracks when there is no track").
import type { AgendaProblem, AgendaTrack } from "./plan";
import type { NormalTalk } from "./normalize-talk";
import { quote } from "./text";

export type Columns = { tracks: AgendaTrack[]; columnOf: (talk: NormalTalk) => string | null };

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export function assignColumns(
  talks: NormalTalk[],
  declared: { rooms: string[]; tracks: { name: string; colour?: string }[] },
  report: (p: AgendaProblem) => void,
): Columns {
  const placed = talks.filter((t) => !t.plenary);
  const roomsByTrack = new Map<string, Set<string>>();
  for (const t of placed) {
    if (t.track && t.room) roomsByTrack.set(t.track, (roomsByTrack.get(t.track) ?? new Set()).add(t.room));
  }
  const spanning = [...roomsByTrack].find(([, rooms]) => rooms.size > 1);
  const byRoom = spanning !== undefined || !placed.some((t) => t.track);
  if (spanning) {
    const rooms = [...spanning[1]]
      .slice(0, 3)
      .map((r) => quote(r))
      .join(", ");
    report({
      severity: "warning",
      message: `Track ${quote(spanning[0])} has talks in several rooms (${rooms}), so the rooms are used as the agenda's columns and the topic tracks are not kept.`,
    });
  }

  const columnOf = (t: NormalTalk): string | null =>
    t.plenary ? null : byRoom ? (t.room ?? t.track!) : (t.track ?? t.room!);
  const roomOfColumn = new Map<string, string | undefined>();
  for (const t of placed) {
    const column = columnOf(t)!;
    if (roomOfColumn.has(column)) continue;
    const fromRoom = byRoom ? t.room !== undefined : t.track === undefined;
    roomOfColumn.set(column, fromRoom ? column : [...(roomsByTrack.get(column) ?? [])][0]);
  }

  const declaredRoom = new Map(declared.rooms.map((name, i) => [name, i]));
  const declaredTrack = new Map(declared.tracks.map((t, i) => [t.name, i]));
  const colours = new Map(
    declared.tracks.filter((t) => t.colour && HEX_COLOUR.test(t.colour)).map((t) => [t.name, t.colour!.toLowerCase()]),
  );
  const firstSeen = new Map([...roomOfColumn.keys()].map((name, i) => [name, i]));
  // The source's room order is the venue's order of columns; its track list is the next best hint.
  const rank = (name: string): [number, number] => {
    const room = roomOfColumn.get(name);
    const primary =
      (room !== undefined ? declaredRoom.get(room) : undefined) ?? declaredTrack.get(name) ?? Number.MAX_SAFE_INTEGER;
    return [primary, firstSeen.get(name)!];
  };
  const ordered = [...firstSeen.keys()].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1];
  });
  const tracks = ordered.map((name, position) => {
    const room = roomOfColumn.get(name);
    const colour = colours.get(name);
    return { name, ...(room !== undefined ? { room } : {}), ...(colour ? { colour } : {}), position };
  });
  return { tracks, columnOf };
}

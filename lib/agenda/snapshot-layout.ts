// How the exporters walk a snapshot: day by day, room by room in column order. Both frab formats
// nest talks under day → room, so they share this walk.
import { compareTalks } from "./build-plan";
import type { AgendaSnapshot, AgendaSnapshotTalk, AgendaTrack } from "./plan";

export const PLENARY_ROOM = "Plenary";

export type RoomGroup = { room: string; talks: AgendaSnapshotTalk[] };
export type DayGroup = { index: number; date: string; talks: AgendaSnapshotTalk[]; rooms: RoomGroup[] };

/**
 * The room a talk is written under. A tracked talk goes under its column's room (not its own), so
 * a re-import finds exactly one room per track; a plenary talk keeps its room.
 */
function roomResolver(tracks: AgendaTrack[]) {
  const byName = new Map(tracks.map((t) => [t.name, t]));
  return (talk: AgendaSnapshotTalk): string => {
    const track = talk.track === null ? undefined : byName.get(talk.track);
    return track ? (track.room ?? track.name) : (talk.room ?? PLENARY_ROOM);
  };
}

export function layoutByDay(agenda: AgendaSnapshot): DayGroup[] {
  const tracks = [...agenda.tracks].sort((a, b) => a.position - b.position);
  const roomOf = roomResolver(tracks);
  const columnRooms = tracks.map((t) => t.room ?? t.name);
  const dates = [...new Set([...agenda.days.map((d) => d.date), ...agenda.talks.map((t) => t.day)])].sort();
  const sorted = [...agenda.talks].sort(compareTalks(tracks));
  return dates.map((date, i) => {
    const talks = sorted.filter((t) => t.day === date);
    // Rooms only plenaries use come first; every column's room is written on every day, even
    // empty, so the room order (which is the column order) survives a round trip.
    const rooms = [...new Set([...talks.map(roomOf).filter((r) => !columnRooms.includes(r)), ...columnRooms])];
    return {
      index: i + 1,
      date,
      talks,
      rooms: rooms.map((room) => ({ room, talks: talks.filter((t) => roomOf(t) === room) })),
    };
  });
}

export function durationMinutes(talk: AgendaSnapshotTalk): number {
  return Math.round((talk.endsAt.getTime() - talk.startsAt.getTime()) / 60_000);
}

// Writing planned talks as agenda rows (slot, talk, speakers) — the one mapper shared by the demo
// seed (prisma/seed-data/seed.ts) and the write-up import (lib/data/writeup-import.ts).
// No "server-only": the seed and the CLIs run it outside Next.
import type { Tx } from "../db-client";
import { zonedToUtc } from "../time/zoned";

export type PlannedAgendaTalk = {
  title: string;
  /** "HH:MM" wall-clock times on `day.date` in the event's zone. */
  startTime: string;
  endTime: string;
  trackId: string | null;
  speakers: string[];
};

/** Creates each talk in its (shared, upserted) time slot with its speakers; returns the talk ids in input order. */
export async function insertAgendaTalks(
  tx: Tx,
  place: { eventId: string; dayId: string; date: string; timeZone: string },
  talks: PlannedAgendaTalk[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const talk of talks) {
    const startsAt = zonedToUtc(place.date, talk.startTime, place.timeZone);
    const endsAt = zonedToUtc(place.date, talk.endTime, place.timeZone);
    const slot = await tx.timeSlot.upsert({
      where: { dayId_startsAt_endsAt: { dayId: place.dayId, startsAt, endsAt } },
      create: { eventId: place.eventId, dayId: place.dayId, startsAt, endsAt },
      update: {},
    });
    const created = await tx.talk.create({
      data: { eventId: place.eventId, title: talk.title, startsAt, endsAt, slotId: slot.id, trackId: talk.trackId },
      select: { id: true },
    });
    for (const [position, name] of talk.speakers.entries()) {
      const speaker = await tx.speaker.upsert({
        where: { eventId_name: { eventId: place.eventId, name } },
        create: { eventId: place.eventId, name },
        update: {},
      });
      await tx.talkSpeaker.upsert({
        where: { talkId_speakerId: { talkId: created.id, speakerId: speaker.id } },
        create: { talkId: created.id, speakerId: speaker.id, position },
        update: {},
      });
    }
    ids.push(created.id);
  }
  return ids;
}

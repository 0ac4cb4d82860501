import "server-only";
import type { Db, Tx } from "../db-client";
import { uniqueEventSlug } from "./event-slug";
import { AppError, isUniqueViolation } from "../errors";
import { findClash } from "../schedule/clash";
import { formatIsoDate, formatTimeRange, zonedToUtc } from "../time/zoned";
import {
  splitSpeakers,
  type EventInput,
  type MoveTalkInput,
  type TalkInput,
  type TrackInput,
} from "../validations/agenda-admin";

function eventData(input: EventInput) {
  return {
    name: input.name,
    series: input.series ?? null,
    venue: input.venue ?? null,
    timeZone: input.timeZone,
    startDate: zonedToUtc(input.startDate, "00:00", input.timeZone),
    endDate: zonedToUtc(input.endDate, "23:59", input.timeZone),
  };
}

export async function createEvent(db: Db, input: EventInput) {
  try {
    return await db.$transaction(async (tx) => {
      if (input.slug && (await tx.event.findUnique({ where: { slug: input.slug }, select: { id: true } })))
        throw new AppError("CONFLICT", "slug_taken", { slug: ["slug_taken"] });
      const slug = input.slug ?? (await uniqueEventSlug(tx, input.name));
      return tx.event.create({ data: { ...eventData(input), slug }, select: { id: true, slug: true } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "slug_taken", { slug: ["slug_taken"] });
    throw e;
  }
}

export async function updateEvent(db: Db, eventId: string, input: EventInput) {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true, slug: true } });
    if (!event) throw new AppError("NOT_FOUND", "event_not_found");
    const data = eventData(input);
    const outside = await tx.talk.findFirst({
      where: { eventId, OR: [{ startsAt: { lt: data.startDate } }, { endsAt: { gt: data.endDate } }] },
      select: { title: true },
    });
    if (outside)
      throw new AppError(
        "INVALID",
        "talks_outside_dates",
        { endDate: ["talks_outside_dates"] },
        { title: outside.title },
      );
    return tx.event.update({ where: { id: eventId }, data, select: { id: true, slug: true } });
  });
}

/** Deleting something that carries notes needs `confirm`; the refusal says how many notes go with it. */
async function requireConfirmation(noteCount: number, confirm: boolean) {
  if (noteCount > 0 && !confirm) throw new AppError("CONFLICT", "has_notes", undefined, { noteCount });
}

export async function deleteEvent(db: Db, eventId: string, confirm: boolean) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, _count: { select: { notes: true } } },
  });
  if (!event) throw new AppError("NOT_FOUND", "event_not_found");
  await requireConfirmation(event._count.notes, confirm);
  await db.event.delete({ where: { id: eventId } });
  return { deletedNotes: event._count.notes };
}

export async function saveTrack(db: Db, input: TrackInput) {
  const data = { name: input.name, room: input.room ?? null, colour: input.colour, position: input.position };
  try {
    if (input.trackId) {
      const updated = await db.track.updateMany({ where: { id: input.trackId, eventId: input.eventId }, data });
      if (!updated.count) throw new AppError("NOT_FOUND", "track_not_found");
      return { id: input.trackId };
    }
    if (!(await db.event.findUnique({ where: { id: input.eventId }, select: { id: true } })))
      throw new AppError("NOT_FOUND", "event_not_found");
    return await db.track.create({ data: { ...data, eventId: input.eventId }, select: { id: true } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "track_name_taken", { name: ["track_name_taken"] });
    throw e;
  }
}

export async function deleteTrack(db: Db, trackId: string) {
  const track = await db.track.findUnique({ where: { id: trackId }, select: { _count: { select: { talks: true } } } });
  if (!track) throw new AppError("NOT_FOUND", "track_not_found");
  if (track._count.talks)
    throw new AppError("CONFLICT", "track_has_talks", undefined, { talkCount: track._count.talks });
  await db.track.delete({ where: { id: trackId } });
}

type Placement = {
  eventId: string;
  talkId?: string;
  title: string;
  date: string;
  start: string;
  end: string;
  trackId: string | null;
};

/** Checks a talk's place in the agenda (inside the event's days, its track exists, no overlap) and returns its instants and slot. */
async function place(tx: Tx, p: Placement) {
  const event = await tx.event.findUnique({
    where: { id: p.eventId },
    select: { id: true, timeZone: true, startDate: true, endDate: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "event_not_found");
  const tz = event.timeZone;
  if (p.date < formatIsoDate(event.startDate, tz) || p.date > formatIsoDate(event.endDate, tz))
    throw new AppError("INVALID", "date_outside_event", { date: ["date_outside_event"] });
  if (p.trackId && !(await tx.track.findFirst({ where: { id: p.trackId, eventId: event.id }, select: { id: true } })))
    throw new AppError("INVALID", "track_not_found", { trackId: ["track_not_found"] });
  const startsAt = zonedToUtc(p.date, p.start, tz);
  const endsAt = zonedToUtc(p.date, p.end, tz);
  if (endsAt <= startsAt) throw new AppError("INVALID", "end_before_start", { end: ["end_before_start"] });
  const sameDay = await tx.talk.findMany({
    where: { eventId: event.id, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
    select: { id: true, title: true, trackId: true, startsAt: true, endsAt: true, track: { select: { name: true } } },
  });
  const clash = findClash(sameDay, { id: p.talkId, title: p.title, trackId: p.trackId, startsAt, endsAt });
  if (clash) {
    const details = {
      title: clash.title,
      time: formatTimeRange(clash.startsAt, clash.endsAt, tz),
      track: clash.track?.name ?? "all tracks",
    };
    throw new AppError(
      "CONFLICT",
      `overlaps '${details.title}' ${details.time} in ${details.track}`,
      { start: ["overlaps"] },
      details,
    );
  }
  const day = await tx.day.upsert({
    where: { eventId_date: { eventId: event.id, date: p.date } },
    create: { eventId: event.id, date: p.date },
    update: {},
  });
  const slot = await tx.timeSlot.upsert({
    where: { dayId_startsAt_endsAt: { dayId: day.id, startsAt, endsAt } },
    create: { eventId: event.id, dayId: day.id, startsAt, endsAt },
    update: {},
  });
  return { startsAt, endsAt, slotId: slot.id };
}

async function setSpeakers(tx: Tx, eventId: string, talkId: string, names: string[]) {
  await tx.talkSpeaker.deleteMany({ where: { talkId } });
  for (const [position, name] of names.entries()) {
    const speaker = await tx.speaker.upsert({
      where: { eventId_name: { eventId, name } },
      create: { eventId, name },
      update: {},
    });
    await tx.talkSpeaker.create({ data: { talkId, speakerId: speaker.id, position } });
  }
}

export async function saveTalk(db: Db, input: TalkInput) {
  return db.$transaction(async (tx) => {
    if (
      input.talkId &&
      !(await tx.talk.findFirst({ where: { id: input.talkId, eventId: input.eventId }, select: { id: true } }))
    )
      throw new AppError("NOT_FOUND", "talk_not_found");
    const where = await place(tx, { ...input, trackId: input.trackId });
    const data = {
      title: input.title,
      abstract: input.abstract,
      level: input.level ?? null,
      trackId: input.trackId,
      ...where,
    };
    const talk = input.talkId
      ? await tx.talk.update({ where: { id: input.talkId }, data, select: { id: true } })
      : await tx.talk.create({ data: { ...data, eventId: input.eventId }, select: { id: true } });
    await setSpeakers(tx, input.eventId, talk.id, splitSpeakers(input.speakers));
    return talk;
  });
}

/** Moves a talk to another track and/or time, keeping its length. The talk id (and its notes) stay. */
export async function moveTalk(db: Db, input: MoveTalkInput) {
  return db.$transaction(async (tx) => {
    const talk = await tx.talk.findUnique({
      where: { id: input.talkId },
      select: {
        id: true,
        eventId: true,
        title: true,
        startsAt: true,
        endsAt: true,
        event: { select: { timeZone: true } },
      },
    });
    if (!talk) throw new AppError("NOT_FOUND", "talk_not_found");
    const minutes = Math.round((talk.endsAt.getTime() - talk.startsAt.getTime()) / 60000);
    const start = zonedToUtc(input.date, input.start, talk.event.timeZone);
    const endLocal = formatTimeRange(start, new Date(start.getTime() + minutes * 60000), talk.event.timeZone).split(
      "–",
    )[1];
    if (endLocal <= input.start) throw new AppError("INVALID", "crosses_midnight", { start: ["crosses_midnight"] });
    const where = await place(tx, {
      eventId: talk.eventId,
      talkId: talk.id,
      title: talk.title,
      date: input.date,
      start: input.start,
      end: endLocal,
      trackId: input.trackId,
    });
    return tx.talk.update({ where: { id: talk.id }, data: { trackId: input.trackId, ...where }, select: { id: true } });
  });
}

export async function deleteTalk(db: Db, talkId: string, confirm: boolean) {
  const talk = await db.talk.findUnique({ where: { id: talkId }, select: { _count: { select: { notes: true } } } });
  if (!talk) throw new AppError("NOT_FOUND", "talk_not_found");
  await requireConfirmation(talk._count.notes, confirm);
  await db.talk.delete({ where: { id: talkId } });
  return { deletedNotes: talk._count.notes };
}

/** Everything the admin editor shows for one event. */
export async function getEventForEditing(db: Db, slug: string) {
  return db.event.findUnique({
    where: { slug },
    include: {
      tracks: { orderBy: [{ position: "asc" }, { name: "asc" }], include: { _count: { select: { talks: true } } } },
      talks: {
        orderBy: [{ startsAt: "asc" }],
        include: {
          speakers: { orderBy: { position: "asc" }, include: { speaker: true } },
          _count: { select: { notes: true } },
        },
      },
      _count: { select: { notes: true } },
    },
  });
}

// Agenda import/export, database side: reads a stored agenda as a snapshot and applies a parsed plan
// in one transaction. Parsing, diffing and previews are pure (lib/agenda); this file only reads and
// writes. No "server-only" import: the CLIs (tsx) use it as well as the app.
//
// Re-import policy: talks are matched by guid (see diffAgendaTalks) and updated in place, so notes,
// stars, claims, reviews and write-ups stay attached. A talk that disappeared from the file is deleted only
// when nobody has attached anything to it; otherwise it is kept where it was and reported as kept.
// Slots, tracks, days and speakers left without talks are removed; the event's name and series are
// never overwritten by a re-import (admins may have edited them), its dates, zone and venue are.
import { randomUUID } from "node:crypto";
import { uniqueEventSlug } from "./event-slug";
import { diffAgendaTalks } from "../agenda/diff";
import {
  agendaErrors,
  agendaWarnings,
  type AgendaPlan,
  type AgendaProblem,
  type AgendaSnapshot,
  type AgendaSnapshotTalk,
  type AgendaTalk,
} from "../agenda/plan";
import { formatIsoDate, zonedInstant } from "../time/zoned";
import type { Db, Tx } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { eventSlug as eventSlugSchema } from "../validations/agenda";

import { planToPreview, type AgendaPreview } from "../agenda/preview";
import { parseAgenda } from "../agenda/detect";
export { planToPreview, type AgendaPreview };

type Client = Db | Prisma.TransactionClient;
type StoredTalk = AgendaSnapshotTalk & { id: string; slotId: string | null; trackId: string | null };
type StoredAgenda = Omit<AgendaSnapshot, "talks"> & { id: string; slug: string; talks: StoredTalk[] };

const TRACK_COLOURS = ["#2563eb", "#16a34a", "#db2777", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#4f46e5"];

export type AgendaImportSummary = {
  eventId: string;
  eventSlug: string;
  createdEvent: boolean;
  days: { created: number; removed: number };
  tracks: { created: number; updated: number; removed: number };
  slots: { created: number; removed: number };
  talks: {
    added: number;
    updated: number;
    moved: number;
    unchanged: number;
    removed: number;
    kept: { guid?: string; title: string }[];
  };
  speakers: { created: number; removed: number };
  warnings: AgendaProblem[];
};

async function readAgenda(db: Client, where: { id: string } | { slug: string }): Promise<StoredAgenda | null> {
  const event = await db.event.findUnique({
    where,
    include: {
      days: { orderBy: { date: "asc" }, select: { date: true } },
      tracks: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { name: true, room: true, colour: true, position: true },
      },
      talks: {
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        select: {
          id: true,
          title: true,
          abstract: true,
          level: true,
          startsAt: true,
          endsAt: true,
          externalGuid: true,
          externalSlug: true,
          timeUnknown: true,
          slotId: true,
          trackId: true,
          track: { select: { name: true, room: true } },
          slot: { select: { day: { select: { date: true } } } },
          speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
          _count: { select: { notes: true, stars: true, claims: true, reviews: true, writeups: true } },
        },
      },
    },
  });
  if (!event) return null;
  const tz = event.timeZone;
  return {
    id: event.id,
    slug: event.slug,
    event: {
      name: event.name,
      slug: event.slug,
      timeZone: tz,
      startDate: formatIsoDate(event.startDate, tz),
      endDate: formatIsoDate(event.endDate, tz),
      ...(event.venue ? { venue: event.venue } : {}),
      ...(event.series ? { series: event.series } : {}),
    },
    days: event.days,
    tracks: event.tracks.map((t) => ({
      name: t.name,
      ...(t.room ? { room: t.room } : {}),
      colour: t.colour,
      position: t.position,
    })),
    talks: event.talks.map(
      ({ _count, track, slot, speakers, externalGuid, externalSlug, level, timeUnknown, ...t }) => ({
        ...t,
        ...(timeUnknown ? { timeUnknown } : {}),
        ...(externalGuid ? { guid: externalGuid } : {}),
        ...(externalSlug ? { slug: externalSlug } : {}),
        ...(level ? { level } : {}),
        day: slot?.day.date ?? formatIsoDate(t.startsAt, tz),
        track: track?.name ?? null,
        ...(track?.room ? { room: track.room } : {}),
        speakers: speakers.map((s) => s.speaker.name),
        hasUserData: _count.notes + _count.stars + _count.claims + _count.reviews + _count.writeups > 0,
      }),
    ),
  };
}

function withoutInternals(stored: StoredAgenda): AgendaSnapshot {
  const talks = stored.talks.map((t) => {
    const talk: AgendaSnapshotTalk & Partial<StoredTalk> = { ...t };
    delete talk.slotId;
    delete talk.trackId;
    return talk;
  });
  return { event: stored.event, days: stored.days, tracks: stored.tracks, talks };
}

/** The stored agenda of an event, as the exporters and planToPreview read it; null when there is no such event. */
export async function loadAgendaSnapshot(db: Db, eventId: string): Promise<AgendaSnapshot | null> {
  const stored = await readAgenda(db, { id: eventId });
  return stored && withoutInternals(stored);
}

export async function loadAgendaSnapshotBySlug(db: Db, slug: string): Promise<AgendaSnapshot | null> {
  const stored = await readAgenda(db, { slug });
  return stored && withoutInternals(stored);
}

/** The event a re-import would target: its time zone is the one to parse a zone-less file (CSV) in. */
export async function findImportTarget(
  db: Db,
  slug: string,
): Promise<{ id: string; slug: string; name: string; timeZone: string } | null> {
  return db.event.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, timeZone: true } });
}

export type AgendaImportRequest = {
  /** The file's name: its extension picks the format when the content does not. */
  fileName: string;
  text: string;
  /** Re-import into this event (or create it with this slug). */
  eventSlug?: string;
  /** The zone of a zone-less file (CSV); else the target event's zone, else the parser's default. */
  timeZone?: string;
  mode: "preview" | "apply";
};

export type AgendaImportOutcome =
  | { mode: "preview"; plan: ParsedAgenda; preview: AgendaPreview }
  | { mode: "apply"; plan: ParsedAgenda; preview: AgendaPreview; summary: AgendaImportSummary | null };
type ParsedAgenda = ReturnType<typeof parseAgenda>;

/**
 * The one agenda import sequence, used by the admin page (through POST /api/admin/agenda/import)
 * and `npm run agenda:import` alike: find the target → parse (in the target's zone when the file
 * names none; a CSV's event is named after its file) → preview against what is stored → apply.
 * `summary` is null when the preview has errors: nothing was written.
 */
export async function importAgenda(db: Db, request: AgendaImportRequest): Promise<AgendaImportOutcome> {
  const target = request.eventSlug ? await findImportTarget(db, request.eventSlug) : null;
  const plan = parseAgenda(request.fileName, request.text, {
    timeZone: request.timeZone ?? target?.timeZone,
    eventName: request.fileName.replace(/\.[^.]+$/, ""),
  });
  const preview = planToPreview(plan, target ? await loadAgendaSnapshot(db, target.id) : null);
  if (request.mode === "preview") return { mode: "preview", plan, preview };
  if (!preview.canApply) return { mode: "apply", plan, preview, summary: null };
  return { mode: "apply", plan, preview, summary: await applyAgendaPlan(db, plan, { eventSlug: request.eventSlug }) };
}

/**
 * Writes a plan: creates the event (slug from the plan, else unique from the name) or, when
 * `eventSlug` names an existing event, re-imports into it. All or nothing, in one transaction.
 * Throws AppError INVALID (details: the plan's problems) when the plan has errors, CONFLICT when
 * the plan's own slug is taken by another event.
 */
export async function applyAgendaPlan(
  db: Db,
  plan: AgendaPlan,
  options: { eventSlug?: string } = {},
): Promise<AgendaImportSummary> {
  const errors = agendaErrors(plan);
  if (errors.length) {
    throw new AppError(
      "INVALID",
      `The agenda has ${errors.length} error(s), so nothing was imported. First: ${errors[0].message}`,
      undefined,
      plan.problems,
    );
  }
  let slug: string | undefined;
  if (options.eventSlug !== undefined) {
    const parsed = eventSlugSchema.safeParse(options.eventSlug);
    if (!parsed.success) {
      throw new AppError(
        "INVALID",
        `'${options.eventSlug}' is not a valid event slug: use lower-case letters, digits and dashes.`,
        { eventSlug: [parsed.error.issues[0].message] },
      );
    }
    slug = parsed.data;
  }
  try {
    // Generous timeout: a 1,000-talk agenda on a remote PostgreSQL takes a few seconds.
    return await db.$transaction((tx) => applyInTransaction(tx, plan, slug), { timeout: 60_000, maxWait: 10_000 });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(
        "CONFLICT",
        "Another change to this event happened during the import, so nothing was imported; try again.",
      );
    throw e;
  }
}

async function upsertEvent(
  tx: Tx,
  plan: AgendaPlan,
  slug: string | undefined,
): Promise<{ id: string; slug: string; created: boolean }> {
  const { event } = plan;
  const dates = {
    timeZone: event.timeZone,
    startDate: zonedInstant(event.startDate, 0, event.timeZone),
    endDate: zonedInstant(event.endDate, 23 * 60 + 59, event.timeZone),
  };
  const existing = slug
    ? await tx.event.findUnique({ where: { slug }, select: { id: true, slug: true, timeZone: true } })
    : null;
  if (existing) {
    if (event.timeZoneFrom === "default" && existing.timeZone !== event.timeZone) {
      throw new AppError(
        "INVALID",
        `The file names no time zone and none was given, but the event '${existing.slug}' is in ${existing.timeZone}; import again with that time zone.`,
      );
    }
    await tx.event.update({
      where: { id: existing.id },
      data: { ...dates, ...(event.venue ? { venue: event.venue } : {}) },
    });
    return { id: existing.id, slug: existing.slug, created: false };
  }
  if (!slug && event.slug && (await tx.event.findUnique({ where: { slug: event.slug }, select: { id: true } }))) {
    throw new AppError(
      "CONFLICT",
      `An event with the slug '${event.slug}' already exists; import into it as a re-import (CLI: --event ${event.slug}) or give the new event another slug.`,
    );
  }
  const finalSlug = slug ?? event.slug ?? (await uniqueEventSlug(tx, event.name));
  const created = await tx.event.create({
    data: { name: event.name, slug: finalSlug, series: event.series ?? null, venue: event.venue ?? null, ...dates },
    select: { id: true, slug: true },
  });
  return { ...created, created: true };
}

const slotKey = (dayId: string, t: { startsAt: Date; endsAt: Date }) =>
  `${dayId}|${t.startsAt.getTime()}|${t.endsAt.getTime()}`;

/** Rows that are missing get created in one batch; then one read gives every id. */
async function ensureDays(tx: Tx, eventId: string, dates: string[]) {
  const existing = new Set((await tx.day.findMany({ where: { eventId }, select: { date: true } })).map((d) => d.date));
  const missing = dates.filter((d) => !existing.has(d));
  if (missing.length) await tx.day.createMany({ data: missing.map((date) => ({ eventId, date })) });
  const ids = new Map(
    (await tx.day.findMany({ where: { eventId }, select: { id: true, date: true } })).map((d) => [d.date, d.id]),
  );
  return { ids, created: missing.length };
}

async function ensureTracks(tx: Tx, eventId: string, plan: AgendaPlan) {
  const existing = new Map((await tx.track.findMany({ where: { eventId } })).map((t) => [t.name, t]));
  const missing = [];
  let updated = 0;
  for (const t of plan.tracks) {
    const found = existing.get(t.name);
    // Exports write a track without a room under the track's name; reading that back is not a new room.
    const room = found && found.room === null && t.room === t.name ? null : (t.room ?? null);
    const data = {
      room,
      position: t.position,
      colour: t.colour ?? found?.colour ?? TRACK_COLOURS[t.position % TRACK_COLOURS.length],
    };
    if (!found) missing.push({ eventId, name: t.name, ...data });
    else if (found.room !== data.room || found.position !== data.position || found.colour !== data.colour) {
      await tx.track.update({ where: { id: found.id }, data });
      updated++;
    }
  }
  if (missing.length) await tx.track.createMany({ data: missing });
  const ids = new Map(
    (await tx.track.findMany({ where: { eventId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]),
  );
  return { ids, created: missing.length, updated };
}

async function ensureSlots(tx: Tx, eventId: string, talks: AgendaTalk[], dayIds: Map<string, string>) {
  const existing = new Set((await tx.timeSlot.findMany({ where: { eventId } })).map((s) => slotKey(s.dayId, s)));
  const missing = new Map<string, { eventId: string; dayId: string; startsAt: Date; endsAt: Date }>();
  for (const t of talks) {
    const dayId = dayIds.get(t.day)!;
    const key = slotKey(dayId, t);
    if (!existing.has(key)) missing.set(key, { eventId, dayId, startsAt: t.startsAt, endsAt: t.endsAt });
  }
  if (missing.size) await tx.timeSlot.createMany({ data: [...missing.values()] });
  const ids = new Map(
    (
      await tx.timeSlot.findMany({
        where: { eventId },
        select: { id: true, dayId: true, startsAt: true, endsAt: true },
      })
    ).map((s) => [slotKey(s.dayId, s), s.id]),
  );
  return { ids, created: missing.size };
}

async function ensureSpeakers(tx: Tx, eventId: string, talks: AgendaTalk[]) {
  const existing = new Set(
    (await tx.speaker.findMany({ where: { eventId }, select: { name: true } })).map((s) => s.name),
  );
  const missing = [...new Set(talks.flatMap((t) => t.speakers))].filter((name) => !existing.has(name));
  if (missing.length) await tx.speaker.createMany({ data: missing.map((name) => ({ eventId, name })) });
  const ids = new Map(
    (await tx.speaker.findMany({ where: { eventId }, select: { id: true, name: true } })).map((s) => [s.name, s.id]),
  );
  return { ids, created: missing.length };
}

async function applyInTransaction(tx: Tx, plan: AgendaPlan, slug: string | undefined): Promise<AgendaImportSummary> {
  const event = await upsertEvent(tx, plan, slug);
  const eventId = event.id;
  const stored = event.created ? [] : (await readAgenda(tx, { id: eventId }))!.talks;
  const diff = diffAgendaTalks(plan.talks, stored, { eventKey: event.slug });

  const dates = [...new Set([...plan.days.map((d) => d.date), ...plan.talks.map((t) => t.day)])];
  const days = await ensureDays(tx, eventId, dates);
  const tracks = await ensureTracks(tx, eventId, plan);
  const slots = await ensureSlots(tx, eventId, plan.talks, days.ids);
  const speakers = await ensureSpeakers(tx, eventId, plan.talks);
  const place = (t: AgendaTalk) => ({
    trackId: t.track === null ? null : tracks.ids.get(t.track)!,
    slotId: slots.ids.get(slotKey(days.ids.get(t.day)!, t))!,
  });
  const fields = (t: AgendaTalk) => ({
    title: t.title,
    abstract: t.abstract,
    level: t.level ?? null,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    ...place(t),
  });

  // Ids are chosen here so one createMany can insert the talks and their speaker rows can follow.
  const added = diff.added.map((t) => ({
    id: randomUUID(),
    eventId,
    externalGuid: t.guid ?? null,
    externalSlug: t.slug ?? null,
    ...fields(t),
  }));
  if (added.length) await tx.talk.createMany({ data: added });
  const speakerLists = new Map<string, string[]>(added.map((row, i) => [row.id, diff.added[i].speakers]));
  for (const m of diff.matched) {
    const target = place(m.planned);
    if (!m.moved && !m.changed && target.slotId === m.existing.slotId && target.trackId === m.existing.trackId)
      continue;
    // A file that does not carry levels or slugs (schedule JSON/XML have no level) keeps the stored ones.
    const kept = {
      level: m.planned.level ?? m.existing.level ?? null,
      externalSlug: m.planned.slug ?? m.existing.slug ?? null,
    };
    await tx.talk.update({
      where: { id: m.existing.id },
      data: { ...fields(m.planned), ...kept, externalGuid: m.planned.guid ?? m.existing.guid ?? null },
    });
    if (m.planned.speakers.join("\n") !== m.existing.speakers.join("\n"))
      speakerLists.set(m.existing.id, m.planned.speakers);
  }
  const addedIds = new Set<string>(added.map((a) => a.id));
  const rewritten = [...speakerLists.keys()].filter((id) => !addedIds.has(id));
  if (rewritten.length) await tx.talkSpeaker.deleteMany({ where: { talkId: { in: rewritten } } });
  const links = [...speakerLists].flatMap(([talkId, names]) =>
    names.map((name, position) => ({ talkId, speakerId: speakers.ids.get(name)!, position })),
  );
  if (links.length) await tx.talkSpeaker.createMany({ data: links });

  const deletable = diff.removed.filter((t) => !t.hasUserData).map((t) => t.id);
  if (deletable.length) await tx.talk.deleteMany({ where: { id: { in: deletable } } });
  // Order matters: emptied slots go first, so emptied days can follow.
  const slotsRemoved = await tx.timeSlot.deleteMany({ where: { eventId, talks: { none: {} } } });
  const tracksRemoved = await tx.track.deleteMany({
    where: { eventId, name: { notIn: plan.tracks.map((t) => t.name) }, talks: { none: {} } },
  });
  const daysRemoved = await tx.day.deleteMany({ where: { eventId, date: { notIn: dates }, slots: { none: {} } } });
  const speakersRemoved = await tx.speaker.deleteMany({ where: { eventId, talks: { none: {} } } });

  return {
    eventId,
    eventSlug: event.slug,
    createdEvent: event.created,
    days: { created: days.created, removed: daysRemoved.count },
    tracks: { created: tracks.created, updated: tracks.updated, removed: tracksRemoved.count },
    slots: { created: slots.created, removed: slotsRemoved.count },
    talks: {
      added: added.length,
      updated: diff.matched.filter((m) => m.changed && !m.moved).length,
      moved: diff.matched.filter((m) => m.moved).length,
      unchanged: diff.matched.filter((m) => !m.changed && !m.moved).length,
      removed: deletable.length,
      kept: diff.removed
        .filter((t) => t.hasUserData)
        .map((t) => ({ ...(t.guid ? { guid: t.guid } : {}), title: t.title })),
    },
    speakers: { created: speakers.created, removed: speakersRemoved.count },
    warnings: agendaWarnings(plan),
  };
}

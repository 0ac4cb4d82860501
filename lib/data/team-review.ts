import "server-only";
import type { Db } from "../db-client";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { formatIsoDate, formatTimeRange } from "../time/zoned";
import { parseOrInvalid, writeupBody } from "../validations/teams";
import { threadComments, visibleNotesWhere, type CommentNode } from "./team-notes";
import type { Tx } from "../db-client";
import { lockTeam, requireTeamAction } from "./teams";

async function requireEvent(tx: Tx, eventId: string) {
  const event = await tx.event.findUnique({
    where: { id: eventId },
    select: { id: true, name: true, slug: true, timeZone: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "event_not_found");
  return event;
}

const talkSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  track: { select: { id: true, name: true, position: true } },
} as const;

async function requireTalk(tx: Tx, talkId: string, eventId?: string) {
  const talk = await tx.talk.findFirst({ where: { id: talkId, ...(eventId ? { eventId } : {}) }, select: talkSelect });
  if (!talk) throw new AppError("NOT_FOUND", "talk_not_found");
  return talk;
}

// ── Claims: who goes to which talk ──────────────────────────────────────────────────────────────

export async function claimTalk(db: Db, actorId: string, teamId: string, talkId: string) {
  await requireTeamAction(db, actorId, teamId, "talk.claim");
  await requireTalk(db, talkId);
  await db.claim.upsert({
    where: { teamId_talkId_userId: { teamId, talkId, userId: actorId } },
    create: { teamId, talkId, userId: actorId },
    update: {},
  });
}

export async function unclaimTalk(db: Db, actorId: string, teamId: string, talkId: string) {
  await requireTeamAction(db, actorId, teamId, "talk.claim");
  await db.claim.deleteMany({ where: { teamId, talkId, userId: actorId } });
}

type Person = { id: string; name: string };
type TrackRef = { id: string; name: string; position: number } | null;
type PlannedTalk = { id: string; title: string; startsAt: Date; endsAt: Date; track: TrackRef; claimers: Person[] };

type Placed = { startsAt: Date; endsAt: Date; track: TrackRef };

/** Agenda order: by start, then end (so equal slots stay together), plenaries (no track) first, then track position. */
function byAgendaOrder(a: Placed, b: Placed) {
  const byTime = a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime();
  return (
    byTime ||
    (a.track?.position ?? -1) - (b.track?.position ?? -1) ||
    (a.track?.name ?? "").localeCompare(b.track?.name ?? "")
  );
}

/**
 * Groups talks into slots by exact start and end (the same key TimeSlot uses, and it also works for
 * talks imported without a slot) and finds where the team has nobody and where it has two or more
 * in the same track talk.
 */
export function computeCoverage(talks: PlannedTalk[], timeZone: string) {
  const slots = new Map<string, { day: string; startsAt: Date; endsAt: Date; talks: PlannedTalk[] }>();
  for (const talk of [...talks].sort(byAgendaOrder)) {
    const key = `${talk.startsAt.toISOString()}/${talk.endsAt.toISOString()}`;
    const slot = slots.get(key) ?? {
      day: formatIsoDate(talk.startsAt, timeZone),
      startsAt: talk.startsAt,
      endsAt: talk.endsAt,
      talks: [],
    };
    slot.talks.push(talk);
    slots.set(key, slot);
  }
  const all = [...slots.values()];
  return {
    slots: all,
    uncoveredSlots: all
      .filter((s) => s.talks.every((t) => t.claimers.length === 0))
      .map(({ day, startsAt, endsAt, talks: inSlot }) => ({ day, startsAt, endsAt, talkIds: inSlot.map((t) => t.id) })),
    // A plenary (no track: a keynote every track attends) is not "covered twice" when several go.
    doubleCovered: all.flatMap((s) => s.talks.filter((t) => t.track !== null && t.claimers.length > 1)),
  };
}

export async function coveragePlan(db: Db, actorId: string, teamId: string, eventId: string) {
  await requireTeamAction(db, actorId, teamId, "team.read");
  const event = await requireEvent(db, eventId);
  const talks = await db.talk.findMany({
    where: { eventId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      track: { select: { id: true, name: true, position: true } },
      claims: {
        where: { teamId },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { id: true, name: true } } },
      },
    },
  });
  const planned = talks.map(({ claims, ...t }) => ({ ...t, claimers: claims.map((c) => c.user) }));
  return { event, ...computeCoverage(planned, event.timeZone) };
}

// ── Review: the team's shared notes side by side ────────────────────────────────────────────────

/** TEAM notes shared with this team, further narrowed by who may read them, so going PRIVATE removes a note here at once. */
function teamNotesWhere(actorId: string, teamId: string, eventId: string, talkId?: string): Prisma.NoteWhereInput {
  return {
    AND: [
      visibleNotesWhere(actorId),
      { eventId, visibility: "TEAM", shares: { some: { teamId } }, ...(talkId ? { talkId } : {}) },
    ],
  };
}

async function loadTeamNotes(db: Db, actorId: string, teamId: string, eventId: string, talkId?: string) {
  const notes = await db.note.findMany({
    where: teamNotesWhere(actorId, teamId, eventId, talkId),
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      updatedAt: true,
      author: { select: { id: true, name: true } },
      talk: { select: talkSelect },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          parentId: true,
          body: true,
          createdAt: true,
          updatedAt: true,
          author: { select: { id: true, name: true } },
        },
      },
    },
  });
  return notes.sort((a, b) => a.author.name.localeCompare(b.author.name));
}

type TeamNote = Awaited<ReturnType<typeof loadTeamNotes>>[number];
type TalkOfNote = NonNullable<TeamNote["talk"]>;
export type ReviewNote = { id: string; body: string; updatedAt: Date; author: Person; comments: CommentNode[] };

const toReviewNote = (n: TeamNote): ReviewNote => ({
  id: n.id,
  body: n.body,
  updatedAt: n.updatedAt,
  author: n.author,
  comments: threadComments(n.comments),
});

/** Talk-bound notes grouped per talk, talks in agenda order; event-level notes apart. */
function groupByTalk(notes: TeamNote[]) {
  const talks = new Map<string, { talk: TalkOfNote; notes: TeamNote[] }>();
  for (const note of notes) {
    if (!note.talk) continue;
    const entry = talks.get(note.talk.id) ?? { talk: note.talk, notes: [] };
    entry.notes.push(note);
    talks.set(note.talk.id, entry);
  }
  return {
    talks: [...talks.values()].sort((a, b) => byAgendaOrder(a.talk, b.talk)),
    eventNotes: notes.filter((n) => !n.talk),
  };
}

export type ReviewTalk = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  track: TrackRef;
  reviewedAt: Date | null;
  isReviewed: boolean;
  notes: ReviewNote[];
};
export type ReviewDay = { date: string; slots: { startsAt: Date; endsAt: Date; talks: ReviewTalk[] }[] };

/** Talks already in agenda order → days (in the event's time zone) → slots (same start and end). */
function groupIntoDays(talks: ReviewTalk[], timeZone: string): ReviewDay[] {
  const days: ReviewDay[] = [];
  for (const talk of talks) {
    const date = formatIsoDate(talk.startsAt, timeZone);
    let day = days.at(-1);
    if (day?.date !== date) days.push((day = { date, slots: [] }));
    let slot = day.slots.at(-1);
    if (slot?.startsAt.getTime() !== talk.startsAt.getTime() || slot.endsAt.getTime() !== talk.endsAt.getTime())
      day.slots.push((slot = { startsAt: talk.startsAt, endsAt: talk.endsAt, talks: [] }));
    slot.talks.push(talk);
  }
  return days;
}

/** Every member's shared notes for the event, per day → slot → talk, with comment threads and the reviewed flag. */
export async function teamReview(db: Db, actorId: string, teamId: string, eventId: string) {
  await requireTeamAction(db, actorId, teamId, "note.readTeam");
  const event = await requireEvent(db, eventId);
  const { talks, eventNotes } = groupByTalk(await loadTeamNotes(db, actorId, teamId, eventId));
  const reviews = await db.talkReview.findMany({
    where: { teamId, talkId: { in: talks.map((t) => t.talk.id) } },
    select: { talkId: true, reviewedAt: true },
  });
  const reviewedAt = new Map(reviews.map((r) => [r.talkId, r.reviewedAt]));
  const reviewTalks = talks.map(({ talk, notes }): ReviewTalk => {
    const at = reviewedAt.get(talk.id) ?? null;
    return {
      id: talk.id,
      title: talk.title,
      startsAt: talk.startsAt,
      endsAt: talk.endsAt,
      track: talk.track,
      reviewedAt: at,
      isReviewed: !!at,
      notes: notes.map(toReviewNote),
    };
  });
  return { event, days: groupIntoDays(reviewTalks, event.timeZone), eventNotes: eventNotes.map(toReviewNote) };
}

export async function markReviewed(db: Db, actorId: string, teamId: string, talkId: string) {
  await requireTeamAction(db, actorId, teamId, "talk.markReviewed");
  await requireTalk(db, talkId);
  await db.talkReview.upsert({ where: { teamId_talkId: { teamId, talkId } }, create: { teamId, talkId }, update: {} });
}

export async function unmarkReviewed(db: Db, actorId: string, teamId: string, talkId: string) {
  await requireTeamAction(db, actorId, teamId, "talk.markReviewed");
  await db.talkReview.deleteMany({ where: { teamId, talkId } });
}

// ── Write-ups ───────────────────────────────────────────────────────────────────────────────────

/** Headings are one line: a stray newline in a title or name must not start a new Markdown block. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function attributedParts(notes: TeamNote[]): string[] {
  return notes.filter((n) => n.body.trim()).flatMap((n) => [`#### ${oneLine(n.author.name)}`, n.body.trim()]);
}

function talkMeta(talk: TalkOfNote, timeZone: string) {
  const when = `${formatIsoDate(talk.startsAt, timeZone)} · ${formatTimeRange(talk.startsAt, talk.endsAt, timeZone)}`;
  return `_${talk.track ? `${when} · ${oneLine(talk.track.name)}` : when}_`;
}

/**
 * A Markdown draft merged from the team-visible notes of one talk, or of every talk of the event in
 * time order; each member's part sits under a `#### Name` heading. Built from teamNotesWhere, so a
 * note switched back to PRIVATE is left out of the next draft automatically.
 */
export async function buildMergedWriteup(
  db: Db,
  actorId: string,
  teamId: string,
  eventId: string,
  talkId?: string | null,
): Promise<string> {
  await requireTeamAction(db, actorId, teamId, "note.readTeam");
  const event = await requireEvent(db, eventId);
  const onlyTalk = talkId ? await requireTalk(db, talkId, eventId) : null;
  const { talks, eventNotes } = groupByTalk(await loadTeamNotes(db, actorId, teamId, eventId, onlyTalk?.id));
  const blocks: string[] = [];
  if (onlyTalk) {
    blocks.push(
      `# ${oneLine(onlyTalk.title)}`,
      talkMeta(onlyTalk, event.timeZone),
      ...attributedParts(talks[0]?.notes ?? []),
    );
  } else {
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
    blocks.push(`# ${oneLine(event.name)} — ${oneLine(team.name)}`);
    for (const { talk, notes } of talks)
      blocks.push(`## ${oneLine(talk.title)}`, talkMeta(talk, event.timeZone), ...attributedParts(notes));
    if (eventNotes.some((n) => n.body.trim())) blocks.push("## Event notes", ...attributedParts(eventNotes));
  }
  return `${blocks.join("\n\n")}\n`;
}

/**
 * Creates or replaces the team's write-up. Event-wide write-ups have talkId NULL, which the
 * (teamId, eventId, talkId) unique index does not guard (NULLs are distinct), so find-then-write runs
 * under the team row lock to keep it to one row.
 */
export async function saveWriteup(
  db: Db,
  actorId: string,
  teamId: string,
  eventId: string,
  talkId: string | null,
  body: string,
) {
  const text = parseOrInvalid(writeupBody, body, "body");
  return db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "writeup.edit");
    await requireEvent(tx, eventId);
    if (talkId) await requireTalk(tx, talkId, eventId);
    await lockTeam(tx, teamId);
    const existing = await tx.writeup.findFirst({ where: { teamId, eventId, talkId }, select: { id: true } });
    const select = { id: true, body: true, updatedAt: true } as const;
    return existing
      ? tx.writeup.update({ where: { id: existing.id }, data: { body: text }, select })
      : tx.writeup.create({ data: { teamId, eventId, talkId, body: text }, select });
  });
}

/** The saved write-up, or null when the team has not saved one yet. Non-members get NOT_FOUND. */
export async function getWriteup(db: Db, actorId: string, teamId: string, eventId: string, talkId: string | null) {
  await requireTeamAction(db, actorId, teamId, "writeup.read");
  return db.writeup.findFirst({
    where: { teamId, eventId, talkId },
    select: { id: true, body: true, updatedAt: true },
  });
}

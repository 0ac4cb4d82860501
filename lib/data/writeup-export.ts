// An event's notes as one Markdown post (lib/writeup/export.ts renders; this file loads and checks).
// Two sources: the actor's own notes, or a team's notes (TEAM-shared with it, attributed per author,
// with the team's saved write-up, if any, as the overview). Every read goes through visibleNotesWhere.
import "server-only";
import type { Db } from "../db-client";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { formatIsoDate } from "../time/zoned";
import type { WriteupExportOptions } from "../validations/writeups";
import type { WriteupExportTalk } from "../writeup/export";
import { exportNoteMarkdownOffThread, exportWriteupOffThread } from "../writeup/off-thread";
import { getWriteup } from "./team-review";
import { toAppError } from "./writeup-import";
import { visibleNotesWhere } from "./team-notes";

export type EventWriteup = {
  markdown: string;
  fileName: string;
  event: { id: string; slug: string; name: string; date: string };
  team: { id: string; name: string } | null;
  noteCount: number;
  talkCount: number;
};

const noteSelect = {
  id: true,
  body: true,
  talkId: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  tags: {
    where: { serviceId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { service: { select: { name: true } } },
  },
} satisfies Prisma.NoteSelect;

/** Jekyll's `_posts/YYYY-MM-DD-slug.md`; Hugo takes any name. */
export const writeupFileName = (date: string, slug: string) => `${date}-${slug}.md`;

export async function buildEventWriteup(
  db: Db,
  actorId: string,
  slug: string,
  options: WriteupExportOptions,
): Promise<EventWriteup> {
  const event = await db.event.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, series: true, venue: true, startDate: true, timeZone: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "event_not_found");
  let team: EventWriteup["team"] = null;
  let saved: string | null = null;
  let scope: Prisma.NoteWhereInput = { authorId: actorId };
  if (options.teamId) {
    // Non-members get NOT_FOUND here (the team-review rule), before any note is read.
    saved = (await getWriteup(db, actorId, options.teamId, event.id, null))?.body ?? null;
    const row = await db.team.findUniqueOrThrow({ where: { id: options.teamId }, select: { id: true, name: true } });
    team = row;
    scope = { visibility: "TEAM", shares: { some: { teamId: options.teamId } } };
  }
  const notes = await db.note.findMany({
    where: { AND: [visibleNotesWhere(actorId), scope, { eventId: event.id }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: noteSelect,
  });
  const talkIds = [...new Set(notes.map((n) => n.talkId).filter((id): id is string => !!id))];
  const talks = await db.talk.findMany({
    where: { id: { in: talkIds }, eventId: event.id },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeUnknown: true,
      track: { select: { name: true } },
      speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
    },
  });
  const authorName = (n: (typeof notes)[number]) => n.author.name;
  const exportTalks: WriteupExportTalk[] = talks.map((t) => ({
    title: t.title,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    timeUnknown: t.timeUnknown,
    track: t.track?.name ?? null,
    speakers: t.speakers.map((s) => s.speaker.name),
    notes: notes.filter((n) => n.talkId === t.id).map((n) => ({ author: authorName(n), body: n.body })),
  }));
  // A team's saved write-up is the post: it was built from these same notes (and edited), so they
  // are not printed a second time under the talks.
  const teamPost = !!saved?.trim();
  const eventNotes = teamPost
    ? [{ author: team?.name, body: saved! }]
    : notes.filter((n) => !n.talkId).map((n) => ({ author: authorName(n), body: n.body }));
  const services = [...new Set(notes.flatMap((n) => n.tags.map((t) => t.service!.name)))];
  const date = formatIsoDate(event.startDate, event.timeZone);
  // Each note is parsed to place its headings: in the write-up worker, with a time limit.
  const markdown = await exportWriteupOffThread({
    event: { name: event.name, startDate: date, timeZone: event.timeZone, series: event.series, venue: event.venue },
    talks: teamPost ? [] : exportTalks,
    eventNotes,
    services,
    flavour: options.flavour,
    locale: options.locale,
  }).catch((e: unknown) => {
    throw toAppError(e);
  });
  return {
    markdown,
    fileName: writeupFileName(date, event.slug),
    event: { id: event.id, slug: event.slug, name: event.name, date },
    team,
    noteCount: notes.length,
    talkCount: exportTalks.length,
  };
}

/** One note the actor may read, as a Markdown file; null when they may not (the caller answers 404). */
export async function buildNoteMarkdown(db: Db, actorId: string, noteId: string, locale: "ko" | "en" = "ko") {
  const note = await db.note.findFirst({
    where: { AND: [{ id: noteId }, visibleNotesWhere(actorId)] },
    select: {
      id: true,
      body: true,
      author: { select: { name: true } },
      event: { select: { slug: true, timeZone: true } },
      talk: {
        select: {
          title: true,
          startsAt: true,
          endsAt: true,
          timeUnknown: true,
          track: { select: { name: true } },
          speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
        },
      },
    },
  });
  if (!note) return null;
  const markdown = await exportNoteMarkdownOffThread({
    author: note.author.name,
    body: note.body,
    locale,
    ...(note.talk
      ? {
          talk: {
            title: note.talk.title,
            startsAt: note.talk.startsAt,
            endsAt: note.talk.endsAt,
            timeUnknown: note.talk.timeUnknown,
            track: note.talk.track?.name ?? null,
            speakers: note.talk.speakers.map((s) => s.speaker.name),
            timeZone: note.event.timeZone,
          },
        }
      : {}),
  }).catch((e: unknown) => {
    throw toAppError(e);
  });
  return { markdown, fileName: `${note.event.slug}-note-${note.id}.md` };
}

/** Teams of the actor (for the export page's source select). */
export async function listActorTeams(db: Db, actorId: string) {
  return db.team.findMany({
    where: { memberships: { some: { userId: actorId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Events the actor has notes in, newest first, with how many: the hub's export list. */
export async function listEventsWithOwnNotes(db: Db, actorId: string) {
  const groups = await db.note.groupBy({
    by: ["eventId"],
    where: { AND: [visibleNotesWhere(actorId), { authorId: actorId }] },
    _count: { _all: true },
  });
  const events = await db.event.findMany({
    where: { id: { in: groups.map((g) => g.eventId) } },
    orderBy: { startDate: "desc" },
    select: { id: true, slug: true, name: true, startDate: true, timeZone: true },
  });
  const count = new Map(groups.map((g) => [g.eventId, g._count._all]));
  return events.map((e) => ({
    slug: e.slug,
    name: e.name,
    date: formatIsoDate(e.startDate, e.timeZone),
    notes: count.get(e.id) ?? 0,
  }));
}

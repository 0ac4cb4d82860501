import "server-only";
import type { Db } from "../db-client";
import { visibleNotesWhere } from "./team-notes";

/** A talk of an event with what the viewer may know about notes on it. */
export async function getTalkDetail(db: Db, eventSlug: string, talkId: string, viewerId: string | null) {
  const talk = await db.talk.findFirst({
    where: { id: talkId, event: { slug: eventSlug } },
    select: {
      id: true,
      title: true,
      abstract: true,
      level: true,
      startsAt: true,
      timeUnknown: true,
      endsAt: true,
      track: { select: { name: true, room: true, colour: true } },
      speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true, organisation: true } } } },
      event: { select: { id: true, slug: true, name: true, timeZone: true } },
    },
  });
  if (!talk) return null;
  if (!viewerId) return { ...talk, myNoteId: null, teamNoteCount: 0, isStarred: false };
  const [myNote, teamNoteCount, star] = await Promise.all([
    db.note.findFirst({ where: { talkId, authorId: viewerId }, select: { id: true } }),
    // Team notes: other people's notes the viewer may read (the one visibility rule, shared with search and review).
    db.note.count({ where: { AND: [visibleNotesWhere(viewerId), { talkId, authorId: { not: viewerId } }] } }),
    db.star.findUnique({ where: { userId_talkId: { userId: viewerId, talkId } }, select: { talkId: true } }),
  ]);
  return { ...talk, myNoteId: myNote?.id ?? null, teamNoteCount, isStarred: !!star };
}

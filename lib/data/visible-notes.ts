import "server-only";
import { teamRolesAllowed } from "../authz/policy";
import type { Db } from "../db-client";
import { visibleNotesWhere } from "./team-notes";

/**
 * Above this many shared notes, the plain rule is evaluated instead (one query however many).
 */
export const MAX_SHARED_NOTES = 20_000;

/**
 * The ids of the notes `visibleNotesWhere(actorId)` lets the actor read (optionally only in some
 * events), for reading many notes at once (search, service timelines, comparisons).
 *
 * Why not `db.note.findMany({ where: visibleNotesWhere(actorId) })`: Prisma renders the rule's
 * `shares: { some: … }` as a correlated EXISTS under an OR, which neither database can drive from an
 * index, so every list scans all notes (~90 ms SQLite / ~45-400 ms PostgreSQL on 100k notes). Here
 * the rule's two branches are read separately, each from an index: the actor's own notes (by author),
 * and the TEAM notes shared with the teams where the actor's role may read them (Membership by user →
 * NoteShare by team). A test checks the result equals visibleNotesWhere's for owners, editors,
 * viewers, strangers and no actor, including stale share rows of notes that are no longer TEAM.
 *
 * Callers still apply visibleNotesWhere to the few notes they display (lib/search/hydrate.ts).
 */
export async function readableNoteIds(db: Db, actorId: string | null, eventIds?: string[]): Promise<string[]> {
  if (!actorId) return [];
  const inEvents = eventIds ? { eventId: { in: eventIds } } : {};
  const teams = await db.membership.findMany({
    where: { userId: actorId, role: { in: teamRolesAllowed("note.readTeam") } },
    select: { teamId: true },
  });
  const [own, shared] = await Promise.all([
    db.note.findMany({ where: { authorId: actorId, ...inEvents }, select: { id: true } }),
    teams.length
      ? db.noteShare.findMany({
          where: { teamId: { in: teams.map((m) => m.teamId) }, note: { visibility: "TEAM", ...inEvents } },
          select: { noteId: true },
          take: MAX_SHARED_NOTES + 1,
        })
      : Promise.resolve([]),
  ]);
  if (shared.length > MAX_SHARED_NOTES) {
    const rows = await db.note.findMany({
      where: { AND: [visibleNotesWhere(actorId), inEvents] },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
  return [...new Set([...own.map((n) => n.id), ...shared.map((s) => s.noteId)])];
}

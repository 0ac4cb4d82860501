import "server-only";
import { teamRolesAllowed } from "../authz/policy";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { visibleNotesWhere } from "./team-notes";

/**
 * Above this many shared notes the id list stops being cheap to send (and would approach the
 * databases' bound-parameter limits): the plain rule is used instead.
 */
export const MAX_RESOLVED_SHARED_IDS = 10_000;

/**
 * `visibleNotesWhere(actorId)`, resolved for reading many notes at once: the same notes, as a
 * filter both databases can drive from indexes. Prisma renders the rule's `shares: { some: … }` as
 * a correlated EXISTS under an OR, which makes every list a scan of all notes (~90 ms on 100k notes).
 * Here the ids of the TEAM notes shared with the actor's teams are read first (Membership by user →
 * NoteShare by team, both indexed; a small set) and the filter becomes
 * `authorId = me OR (visibility = TEAM AND id IN (those ids))`.
 *
 * The result is a snapshot: use it for one request, never cache it. A test checks that it selects
 * exactly what visibleNotesWhere selects for owners, editors, viewers, strangers and no actor.
 */
export async function resolvedVisibleNotesWhere(db: Db, actorId: string | null): Promise<Prisma.NoteWhereInput> {
  if (!actorId) return visibleNotesWhere(null);
  const readerRoles = teamRolesAllowed("note.readTeam");
  const teams = await db.membership.findMany({ where: { userId: actorId, role: { in: readerRoles } }, select: { teamId: true } });
  if (!teams.length) return { authorId: actorId };
  const shared = await db.noteShare.findMany({
    where: { teamId: { in: teams.map((m) => m.teamId) } },
    select: { noteId: true },
    take: MAX_RESOLVED_SHARED_IDS + 1,
  });
  if (shared.length > MAX_RESOLVED_SHARED_IDS) return visibleNotesWhere(actorId);
  const ids = [...new Set(shared.map((s) => s.noteId))];
  return { OR: [{ authorId: actorId }, { visibility: "TEAM", id: { in: ids } }] };
}

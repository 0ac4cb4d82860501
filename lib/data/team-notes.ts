import "server-only";
import { randomBytes } from "node:crypto";
import { can, roleInTeam, teamRolesAllowed, type ActorRole } from "../authz/policy";
import type { Db } from "../db-client";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { commentBody, noteVisibility, parseOrInvalid, type NoteVisibilityInput } from "../validations/teams";
import type { Tx } from "../db-client";

/**
 * The one rule for who may READ a note, as a Prisma filter: its author, and members of a team the
 * note is shared with while it is TEAM-visible (the roles come from the policy table). Nobody else:
 * a PUBLIC note is read through its token (getPublicNote), never listed. Search, exports, feeds and
 * the team review all filter with this, so a visibility change takes effect everywhere at once.
 * A missing actor matches nothing (never "no filter").
 */
export function visibleNotesWhere(actorId: string | null): Prisma.NoteWhereInput {
  if (!actorId) return { id: { in: [] } };
  const readerRoles = teamRolesAllowed("note.readTeam");
  return {
    OR: [
      { authorId: actorId },
      {
        visibility: "TEAM",
        shares: { some: { team: { memberships: { some: { userId: actorId, role: { in: readerRoles } } } } } },
      },
    ],
  };
}

/**
 * The actor's standing towards a note they can read: its author owns it; anyone else holds the best
 * role they have in the teams it is shared with.
 */
export async function noteActorRole(
  tx: Tx,
  actorId: string,
  note: { id: string; authorId: string },
): Promise<ActorRole> {
  if (note.authorId === actorId) return "owner";
  const memberships = await tx.membership.findMany({
    where: { userId: actorId, team: { noteShares: { some: { noteId: note.id } } } },
    select: { role: true },
  });
  const roles = memberships.map((m) => roleInTeam(m.role));
  return roles.includes("owner")
    ? "owner"
    : roles.includes("editor")
      ? "editor"
      : roles.includes("viewer")
        ? "viewer"
        : "stranger";
}

/** Unguessable, URL-safe, and never derived from the note id. */
const newPublicToken = () => randomBytes(24).toString("base64url");

/**
 * Finds a note the actor may change the sharing of. Someone who cannot read it gets NOT_FOUND;
 * a team member who can read it but is not the author gets FORBIDDEN.
 */
async function requireAuthoredNote(tx: Tx, actorId: string, noteId: string) {
  const note = await tx.note.findFirst({
    where: { AND: [{ id: noteId }, visibleNotesWhere(actorId)] },
    select: { id: true, authorId: true, visibility: true, publicToken: true },
  });
  if (!note) throw new AppError("NOT_FOUND", "note_not_found");
  if (note.authorId !== actorId) throw new AppError("FORBIDDEN", "not_author");
  return note;
}

/** Each team must be one the author belongs to with a role allowed to share; unknown and foreign ids are refused alike. */
async function requireShareableTeams(tx: Tx, actorId: string, teamIds: string[]) {
  const memberships = await tx.membership.findMany({
    where: { userId: actorId, teamId: { in: teamIds } },
    select: { teamId: true, role: true },
  });
  const allowed = new Set(
    memberships.filter((m) => can(roleInTeam(m.role), "note.shareWithTeam")).map((m) => m.teamId),
  );
  const refused = teamIds.filter((id) => !allowed.has(id));
  if (refused.length)
    throw new AppError("FORBIDDEN", "team_not_allowed", { teamIds: ["team_not_allowed"] }, { teamIds: refused });
}

export type NoteSharing = { visibility: "PRIVATE" | "TEAM" | "PUBLIC"; teamIds: string[]; publicToken: string | null };

/**
 * Author only. PRIVATE drops every share and the public link; TEAM shares with exactly the given
 * teams (and drops the public link); PUBLIC keeps or creates the link and drops the team shares, since
 * team members read TEAM notes only.
 */
export async function setNoteVisibility(
  db: Db,
  actorId: string,
  noteId: string,
  input: NoteVisibilityInput,
): Promise<NoteSharing> {
  const wanted = parseOrInvalid(noteVisibility, input, "visibility");
  return db.$transaction(async (tx) => {
    const note = await requireAuthoredNote(tx, actorId, noteId);
    const teamIds = wanted.visibility === "TEAM" ? wanted.teamIds : [];
    if (wanted.visibility === "TEAM") await requireShareableTeams(tx, actorId, teamIds);
    await tx.noteShare.deleteMany({ where: { noteId, teamId: { notIn: teamIds } } });
    const existing = new Set(
      (await tx.noteShare.findMany({ where: { noteId }, select: { teamId: true } })).map((s) => s.teamId),
    );
    for (const teamId of teamIds) if (!existing.has(teamId)) await tx.noteShare.create({ data: { noteId, teamId } });
    const publicToken = wanted.visibility === "PUBLIC" ? (note.publicToken ?? newPublicToken()) : null;
    await tx.note.update({
      where: { id: noteId },
      data: { visibility: wanted.visibility, publicToken },
      select: { id: true },
    });
    return { visibility: wanted.visibility, teamIds, publicToken };
  });
}

/**
 * "reissue" replaces the public link (the old one stops working at once); "clear" removes it and
 * makes the note PRIVATE, since a PUBLIC note without a link would be readable by nobody anyway.
 */
export async function revokePublicLink(
  db: Db,
  actorId: string,
  noteId: string,
  mode: "reissue" | "clear",
): Promise<NoteSharing> {
  return db.$transaction(async (tx) => {
    const note = await requireAuthoredNote(tx, actorId, noteId);
    if (note.visibility !== "PUBLIC") throw new AppError("CONFLICT", "not_public");
    const publicToken = mode === "reissue" ? newPublicToken() : null;
    const visibility = mode === "reissue" ? "PUBLIC" : "PRIVATE";
    await tx.note.update({ where: { id: noteId }, data: { visibility, publicToken }, select: { id: true } });
    return { visibility, teamIds: [], publicToken }; // a PUBLIC note has no team shares (setNoteVisibility drops them)
  });
}

const readableNoteSelect = (actorId: string) =>
  ({
    id: true,
    body: true,
    visibility: true,
    eventId: true,
    talkId: true,
    updatedAt: true,
    author: { select: { id: true, name: true } },
    talk: { select: { title: true, startsAt: true, endsAt: true } },
    event: { select: { name: true, slug: true, timeZone: true } },
    // Only the reader's own teams: a note shared with other teams does not reveal their names.
    shares: {
      where: { team: { memberships: { some: { userId: actorId } } } },
      select: { team: { select: { id: true, name: true, slug: true } } },
    },
  }) satisfies Prisma.NoteSelect;

/** A note the actor may read (their own, or TEAM-shared with one of their teams), or null. */
export async function getReadableNote(db: Db, actorId: string, noteId: string) {
  const note = await db.note.findFirst({
    where: { AND: [{ id: noteId }, visibleNotesWhere(actorId)] },
    select: readableNoteSelect(actorId),
  });
  if (!note) return null;
  const { shares, ...rest } = note;
  return { ...rest, isAuthor: note.author.id === actorId, sharedWith: shares.map((s) => s.team) };
}

/** A PUBLIC note by its link token, for anyone (signed in or not); null for unknown or revoked links. */
export async function getPublicNote(db: Db, token: string) {
  if (!can("anonymous", "note.readPublic") || !/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  return db.note.findFirst({
    where: { publicToken: token, visibility: "PUBLIC" },
    select: {
      id: true,
      body: true,
      updatedAt: true,
      author: { select: { name: true } },
      talk: { select: { title: true, startsAt: true, endsAt: true } },
      event: { select: { name: true, slug: true, timeZone: true } },
    },
  });
}

export type CommentNode = {
  id: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
  replies: CommentNode[];
};
export type FlatComment = Omit<CommentNode, "replies"> & { parentId: string | null };

/** Turns a note's flat comment list (oldest first) into threads; a reply whose parent is gone becomes a root. */
export function threadComments(flat: FlatComment[]): CommentNode[] {
  const nodes = new Map(
    flat.map((c) => [
      c.id,
      {
        id: c.id,
        body: c.body,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        author: c.author,
        replies: [] as CommentNode[],
      },
    ]),
  );
  const roots: CommentNode[] = [];
  for (const c of flat) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/** Commenting needs read access (visibleNotesWhere): a note the actor cannot see is NOT_FOUND, not FORBIDDEN. */
export async function addComment(db: Db, actorId: string, noteId: string, body: string, parentId?: string | null) {
  const text = parseOrInvalid(commentBody, body, "body");
  return db.$transaction(async (tx) => {
    const note = await tx.note.findFirst({
      where: { AND: [{ id: noteId }, visibleNotesWhere(actorId)] },
      select: { id: true, authorId: true },
    });
    if (!note) throw new AppError("NOT_FOUND", "note_not_found");
    if (!can(await noteActorRole(tx, actorId, note), "note.comment"))
      throw new AppError("FORBIDDEN", "not_allowed", undefined, { action: "note.comment" });
    // A reply must stay in its note's thread: a parent from another note would graft threads together.
    if (parentId && !(await tx.comment.findFirst({ where: { id: parentId, noteId }, select: { id: true } })))
      throw new AppError("INVALID", "parent_not_found", { parentId: ["parent_not_found"] });
    return tx.comment.create({
      data: { noteId, authorId: actorId, parentId: parentId ?? null, body: text },
      select: { id: true, parentId: true, body: true, createdAt: true },
    });
  });
}

/** A comment on a note the actor can (still) read; only its author may change it. */
async function requireOwnComment(tx: Tx, actorId: string, commentId: string) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, note: visibleNotesWhere(actorId) },
    select: { id: true, authorId: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", "comment_not_found");
  if (comment.authorId !== actorId) throw new AppError("FORBIDDEN", "not_comment_author");
  return comment;
}

export async function editComment(db: Db, actorId: string, commentId: string, body: string) {
  const text = parseOrInvalid(commentBody, body, "body");
  return db.$transaction(async (tx) => {
    await requireOwnComment(tx, actorId, commentId);
    return tx.comment.update({
      where: { id: commentId },
      data: { body: text },
      select: { id: true, body: true, updatedAt: true },
    });
  });
}

/** Replies go with the comment (the schema cascades them; there is no tombstone column). */
export async function deleteComment(db: Db, actorId: string, commentId: string) {
  await db.$transaction(async (tx) => {
    await requireOwnComment(tx, actorId, commentId);
    await tx.comment.delete({ where: { id: commentId } });
  });
}

/** The author's view of a note's sharing and the teams they may share it with; null for anyone else. */
export async function getNoteSharing(db: Db, actorId: string, noteId: string) {
  const note = await db.note.findFirst({
    where: { id: noteId, authorId: actorId },
    select: { visibility: true, publicToken: true, shares: { select: { teamId: true } } },
  });
  if (!note) return null;
  const memberships = await db.membership.findMany({
    where: { userId: actorId },
    orderBy: { team: { name: "asc" } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  return {
    visibility: note.visibility,
    teamIds: note.shares.map((s) => s.teamId),
    publicToken: note.publicToken,
    teams: memberships.filter((m) => can(roleInTeam(m.role), "note.shareWithTeam")).map((m) => m.team),
  };
}

/** The teams a user could share a (not yet saved) note with. */
export async function shareableTeams(db: Db, actorId: string) {
  const memberships = await db.membership.findMany({
    where: { userId: actorId },
    orderBy: { team: { name: "asc" } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  return memberships.filter((m) => can(roleInTeam(m.role), "note.shareWithTeam")).map((m) => m.team);
}

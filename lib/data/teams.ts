import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { can, higherTeamRole, roleInTeam, type Action, type ActorRole } from "../authz/policy";
import type { Db, Tx } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import type { TeamRole } from "../generated/prisma/enums";
import { inviteToken, parseOrInvalid, teamName, teamRole, type TeamRoleInput } from "../validations/teams";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Loads the actor's membership and asks the policy table. Refusals follow one rule: whoever may
 * not read the team gets NOT_FOUND (no hint it exists), a member lacking the role gets FORBIDDEN.
 */
export async function requireTeamAction(
  tx: Tx,
  actorId: string,
  teamId: string,
  action: Action,
): Promise<{ role: ActorRole; teamRole: TeamRole | null }> {
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId: actorId } },
    select: { role: true },
  });
  const role = roleInTeam(membership?.role);
  if (can(role, action)) return { role, teamRole: membership?.role ?? null };
  if (can(role, "team.read")) throw new AppError("FORBIDDEN", "not_allowed", undefined, { action, role });
  throw new AppError("NOT_FOUND", "team_not_found");
}

/**
 * Takes the team row's write lock (PostgreSQL) for check-then-write steps, e.g. counting owners, so
 * two owners leaving or demoting each other at the same moment cannot both see "another owner
 * remains". SQLite serialises write transactions anyway. (Bumps the team's updatedAt as a side effect.)
 */
export async function lockTeam(tx: Tx, teamId: string) {
  await tx.team.update({ where: { id: teamId }, data: { updatedAt: new Date() }, select: { id: true } });
}

async function refuseIfLastOwner(tx: Tx, teamId: string, userId: string) {
  const target = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (target?.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { teamId, role: "OWNER" } });
  if (owners <= 1) throw new AppError("CONFLICT", "last_owner");
}

/**
 * Someone leaving takes their notes out of the team (a note may only be shared with the author's own
 * teams) and drops their claims (they no longer cover talks for it). A note left shared with no team
 * falls back to PRIVATE rather than lingering as a TEAM note nobody else can read.
 */
async function withdrawFromTeam(tx: Tx, teamId: string, userId: string) {
  const shares = await tx.noteShare.findMany({
    where: { teamId, note: { authorId: userId } },
    select: { noteId: true },
  });
  const noteIds = shares.map((s) => s.noteId);
  await tx.noteShare.deleteMany({ where: { teamId, noteId: { in: noteIds } } });
  await tx.note.updateMany({
    where: { id: { in: noteIds }, visibility: "TEAM", shares: { none: {} } },
    data: { visibility: "PRIVATE" },
  });
  await tx.claim.deleteMany({ where: { teamId, userId } });
  await tx.membership.delete({ where: { teamId_userId: { teamId, userId } } });
}

/** A URL-safe slug from a team name; names without Latin letters or digits (e.g. Korean) become "team". */
export function teamSlugBase(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return base || "team";
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  if (!(await tx.team.findUnique({ where: { slug: base }, select: { id: true } }))) return base;
  // A random suffix instead of counting up: many "team" slugs (non-Latin names) stay one lookup away.
  for (;;) {
    const slug = `${base}-${randomBytes(4).toString("hex")}`;
    if (!(await tx.team.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

export async function createTeam(db: Db, actorId: string, name: string) {
  const cleanName = parseOrInvalid(teamName, name, "name");
  // The creator has no role yet in a team that does not exist: they ask as a signed-in stranger.
  if (!can("stranger", "team.create"))
    throw new AppError("FORBIDDEN", "not_allowed", undefined, { action: "team.create" });
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const slug = await freeSlug(tx, teamSlugBase(cleanName));
        return tx.team.create({
          data: { name: cleanName, slug, memberships: { create: { userId: actorId, role: "OWNER" } } },
          select: { id: true, name: true, slug: true },
        });
      });
    } catch (e) {
      // Another team took the same slug between the check and the insert: pick again.
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

/** Renaming keeps the slug, so links to the team keep working. */
export async function renameTeam(db: Db, actorId: string, teamId: string, name: string) {
  const cleanName = parseOrInvalid(teamName, name, "name");
  return db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "team.rename");
    return tx.team.update({
      where: { id: teamId },
      data: { name: cleanName },
      select: { id: true, name: true, slug: true },
    });
  });
}

export async function deleteTeam(db: Db, actorId: string, teamId: string) {
  await db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "team.delete");
    const shares = await tx.noteShare.findMany({ where: { teamId }, select: { noteId: true } });
    await tx.team.delete({ where: { id: teamId } }); // cascades memberships, invites, shares, claims, reviews, write-ups
    const noteIds = shares.map((s) => s.noteId);
    await tx.note.updateMany({
      where: { id: { in: noteIds }, visibility: "TEAM", shares: { none: {} } },
      data: { visibility: "PRIVATE" },
    });
  });
}

export async function listMyTeams(db: Db, actorId: string) {
  const memberships = await db.membership.findMany({
    where: { userId: actorId },
    orderBy: { team: { name: "asc" } },
    select: {
      role: true,
      team: { select: { id: true, name: true, slug: true, _count: { select: { memberships: true } } } },
    },
  });
  return memberships.map((m) => ({
    id: m.team.id,
    name: m.team.name,
    slug: m.team.slug,
    myRole: m.role,
    memberCount: m.team._count.memberships,
  }));
}

const ROLE_ORDER: TeamRole[] = ["OWNER", "EDITOR", "VIEWER"];

/** The team with its members, or null when the actor is not a member (the page shows a 404). */
export async function getTeamForMember(db: Db, actorId: string, teamId: string) {
  const team = await db.team.findFirst({
    where: { id: teamId, memberships: { some: { userId: actorId } } },
    select: {
      id: true,
      name: true,
      slug: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, createdAt: true, user: { select: { id: true, name: true } } },
      },
    },
  });
  if (!team) return null;
  const myRole = team.memberships.find((m) => m.user.id === actorId)?.role;
  if (!myRole || !can(roleInTeam(myRole), "team.read")) return null;
  // Sorted here, not in SQL: PostgreSQL orders enums by declaration, SQLite by their text.
  const members = team.memberships
    .map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role, joinedAt: m.createdAt }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return { id: team.id, name: team.name, slug: team.slug, createdAt: team.createdAt, myRole, members };
}

const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A single-use invite link token. Only its hash is stored: a database leak does not leak invites. */
export async function createInvite(db: Db, actorId: string, teamId: string, role: TeamRoleInput) {
  const inviteRole = parseOrInvalid(teamRole, role, "role");
  return db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "team.invite");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
    const invite = await tx.teamInvite.create({
      data: { teamId, role: inviteRole, createdById: actorId, tokenHash: hashInviteToken(token), expiresAt },
      select: { id: true },
    });
    return { inviteId: invite.id, token, role: inviteRole, expiresAt };
  });
}

export async function acceptInvite(db: Db, actorId: string, token: string) {
  if (!inviteToken.safeParse(token).success) throw new AppError("NOT_FOUND", "invite_not_found");
  return db.$transaction(async (tx) => {
    // Deleting a team cascades its invites away, so a deleted team's invite is simply unknown here.
    const invite = await tx.teamInvite.findUnique({
      where: { tokenHash: hashInviteToken(token) },
      select: { id: true, teamId: true, role: true, expiresAt: true, usedAt: true },
    });
    if (!invite) throw new AppError("NOT_FOUND", "invite_not_found");
    if (invite.usedAt) throw new AppError("CONFLICT", "invite_used");
    const now = new Date();
    if (invite.expiresAt <= now) throw new AppError("CONFLICT", "invite_expired");
    const current = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: invite.teamId, userId: actorId } },
      select: { role: true },
    });
    if (!can(roleInTeam(current?.role), "invite.accept"))
      throw new AppError("FORBIDDEN", "not_allowed", undefined, { action: "invite.accept" });
    // Conditional on still being unused: of two people racing for one link, exactly one gets in.
    const claimed = await tx.teamInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("CONFLICT", "invite_used");
    const role = current ? higherTeamRole(current.role, invite.role) : invite.role;
    await tx.membership.upsert({
      where: { teamId_userId: { teamId: invite.teamId, userId: actorId } },
      create: { teamId: invite.teamId, userId: actorId, role },
      update: { role },
    });
    const team = await tx.team.findUniqueOrThrow({
      where: { id: invite.teamId },
      select: { id: true, name: true, slug: true },
    });
    return { team, role, wasMember: !!current };
  });
}

export async function leaveTeam(db: Db, actorId: string, teamId: string) {
  await db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "team.leave");
    await lockTeam(tx, teamId);
    await refuseIfLastOwner(tx, teamId, actorId);
    await withdrawFromTeam(tx, teamId, actorId);
  });
}

export async function removeMember(db: Db, actorId: string, teamId: string, userId: string) {
  await db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "team.removeMember");
    await lockTeam(tx, teamId);
    if (!(await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true } })))
      throw new AppError("NOT_FOUND", "member_not_found");
    await refuseIfLastOwner(tx, teamId, userId);
    await withdrawFromTeam(tx, teamId, userId);
  });
}

/** OWNER only, so an EDITOR or VIEWER can never raise their own role; the last owner cannot be demoted. */
export async function changeRole(db: Db, actorId: string, teamId: string, userId: string, role: TeamRoleInput) {
  const newRole = parseOrInvalid(teamRole, role, "role");
  return db.$transaction(async (tx) => {
    await requireTeamAction(tx, actorId, teamId, "team.changeRole");
    await lockTeam(tx, teamId);
    const target = await tx.membership.findUnique({
      where: { teamId_userId: { teamId, userId } },
      select: { role: true },
    });
    if (!target) throw new AppError("NOT_FOUND", "member_not_found");
    if (target.role === newRole) return { userId, role: newRole };
    if (newRole !== "OWNER") await refuseIfLastOwner(tx, teamId, userId);
    await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role: newRole } });
    return { userId, role: newRole };
  });
}

/** A team page for an event: the team (members only) and the event by slug, or null for a 404. */
export async function getTeamEventContext(db: Db, actorId: string, teamId: string, eventSlug: string) {
  const [team, event] = await Promise.all([
    getTeamForMember(db, actorId, teamId),
    db.event.findUnique({ where: { slug: eventSlug }, select: { id: true, name: true, slug: true, timeZone: true } }),
  ]);
  if (!team || !event) return null;
  return { team, event };
}

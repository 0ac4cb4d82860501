import "server-only";
import { can } from "../authz/policy";
import type { Db } from "../db-client";
import { AppError } from "../errors";
import type { Tx } from "../db-client";
import { forgetUserSessions } from "../auth/session-cache";

/**
 * Site administration of accounts. Every function checks that the actor is a site admin (in the
 * database, not from the session) before it reads or writes anything.
 */
async function requireSiteAdmin(db: Tx, actorId: string) {
  const actor = await db.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } });
  if (!actor || actor.disabledAt || actor.role !== "ADMIN" || !can("admin", "admin.users"))
    throw new AppError("FORBIDDEN", "not_allowed");
}

export async function listUsers(db: Db, actorId: string, query?: string) {
  await requireSiteAdmin(db, actorId);
  const q = query?.trim();
  const users = await db.user.findMany({
    where: q ? { OR: [{ email: { contains: q } }, { name: { contains: q } }] } : undefined,
    orderBy: { createdAt: "asc" },
    take: 500,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      _count: { select: { notes: true, memberships: true } },
    },
  });
  return users.map(({ _count, ...u }) => ({ ...u, noteCount: _count.notes, teamCount: _count.memberships }));
}

/** Admins cannot change their own role (no locking oneself out); the last active admin stays an admin. */
export async function setUserRole(db: Db, actorId: string, userId: string, role: "ADMIN" | "MEMBER") {
  const result = await db.$transaction(async (tx) => {
    await requireSiteAdmin(tx, actorId);
    if (userId === actorId) throw new AppError("CONFLICT", "cannot_change_self");
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("NOT_FOUND", "user_not_found");
    if (target.role === role) return { id: userId, role };
    // Demoting an admin: their session must not keep admin powers, so bump the epoch too.
    await tx.user.update({
      where: { id: userId },
      data: { role, ...(role === "MEMBER" ? { sessionEpoch: { increment: 1 } } : {}) },
    });
    return { id: userId, role };
  });
  forgetUserSessions(userId);
  return result;
}

/**
 * Disabling signs the account out everywhere at once (the session epoch moves on, and the session
 * check refuses disabled accounts) and keeps all its data. Enabling lets it sign in again.
 */
export async function setUserDisabled(db: Db, actorId: string, userId: string, disabled: boolean) {
  const result = await db.$transaction(async (tx) => {
    await requireSiteAdmin(tx, actorId);
    if (userId === actorId) throw new AppError("CONFLICT", "cannot_change_self");
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (!target) throw new AppError("NOT_FOUND", "user_not_found");
    if (!!target.disabledAt === disabled) return { id: userId, disabled };
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: new Date(), sessionEpoch: { increment: 1 } } : { disabledAt: null },
    });
    return { id: userId, disabled };
  });
  forgetUserSessions(userId);
  return result;
}

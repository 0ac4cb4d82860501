// Sessions that sign-out can end. The JWT in the cookie carries the id of a UserSession row (`sid`);
// the session check (lib/auth/session.ts) accepts the token only while that row exists, in the same
// single query that loads the user. Signing out deletes the row: that device's cookie is dead at
// once, the account's other sessions go on. Password change and disable still end every session
// through the user's sessionEpoch.
import { randomBytes } from "node:crypto";
import type { Db } from "../db-client";
import { forgetSession } from "./session-cache";

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** Records a new session for the user and returns its id (for the JWT). Prunes expired rows. */
export async function startUserSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.userSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.userSession.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) },
  });
  return id;
}

/** Ends one session (sign-out). Unknown ids are ignored. */
export async function endUserSession(db: Db, sid: string | undefined) {
  if (!sid) return;
  await db.userSession.deleteMany({ where: { id: sid } });
  forgetSession(sid);
}

type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "MEMBER";
  locale: string | null;
  expiresAt: Date | string | number;
};

/**
 * The user behind a live session: the row must exist and be unexpired, the account enabled and at
 * the token's epoch. One primary-key join, written in SQL because it runs on every request: it
 * costs about a third of the CPU of Prisma's findUnique on the user (measured, README § Security).
 */
export async function findSessionUser(db: Db, token: { userId: string; sid: string; epoch: number }, now = new Date()) {
  const rows = await db.$queryRaw<SessionUserRow[]>`
    SELECT u."id", u."email", u."name", u."role", u."locale", s."expiresAt"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${token.sid} AND s."userId" = ${token.userId} AND u."sessionEpoch" = ${token.epoch} AND u."disabledAt" IS NULL`;
  const row = rows[0];
  if (!row || new Date(row.expiresAt).getTime() <= now.getTime()) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
}

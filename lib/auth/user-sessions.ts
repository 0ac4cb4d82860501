// Sessions that sign-out can end. The JWT in the cookie carries the id of a UserSession row (`sid`);
// the session check (lib/auth/session.ts) accepts the token only while that row exists, in the same
// single query that loads the user. Signing out deletes the row: that device's cookie is dead at
// once, the account's other sessions go on. Password change and disable still end every session
// through the user's sessionEpoch.
import { randomBytes } from "node:crypto";
import type { Db } from "../db-client";

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** Records a new session for the user and returns its id (for the JWT). Prunes expired rows. */
export async function startUserSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.userSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.userSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } });
  return id;
}

/** Ends one session (sign-out). Unknown ids are ignored. */
export async function endUserSession(db: Db, sid: string | undefined) {
  if (sid) await db.userSession.deleteMany({ where: { id: sid } });
}

/** The user behind a live session, in one query: the row must exist, be unexpired and match the epoch. */
export function findSessionUser(db: Db, token: { userId: string; sid: string; epoch: number }, now = new Date()) {
  return db.user.findUnique({
    where: { id: token.userId, sessionEpoch: token.epoch, disabledAt: null, sessions: { some: { id: token.sid, expiresAt: { gt: now } } } },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
}

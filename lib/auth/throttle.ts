import type { Db } from "../db-client";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILS_PER_ACCOUNT = 5;
export const MAX_FAILS_PER_ADDRESS = 30;

/** Minutes until the account or address may try again, or 0 when it may try now. */
export async function signInLockMinutes(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.findMany({ where: { email, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.signInAttempt.findMany({ where: { ip, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const lockedUntil = (fails: { createdAt: Date }[], max: number) =>
    fails.length >= max ? fails[fails.length - max].createdAt.getTime() + THROTTLE_WINDOW_MS : 0;
  const until = Math.max(lockedUntil(byEmail, MAX_FAILS_PER_ACCOUNT), lockedUntil(byIp, MAX_FAILS_PER_ADDRESS));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60000) : 0;
}

export async function recordFailedSignIn(db: Db, email: string, ip: string, userId?: string) {
  await db.signInAttempt.create({ data: { email, ip, userId } });
}

export async function clearFailedSignIns(db: Db, email: string) {
  await db.signInAttempt.deleteMany({ where: { email } });
}

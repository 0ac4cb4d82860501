// Throttles for sign-in, sign-up and change-password, on SQLite and PostgreSQL alike.
//
// One counter row per bucket and window (ThrottleCounter). An attempt increments the counters of
// all its rules in one transaction, in a fixed order, and reads the new values there: the increment
// locks the row (PostgreSQL) or the whole database (SQLite) until commit, so simultaneous attempts
// get 1, 2, 3 … one after another and exactly `max` of them fit. An attempt over a limit rolls its
// increments back: refused attempts are not counted against anyone. A window starts with the first
// attempt and runs for its length; then the counter starts again. Checking is a primary-key
// lookup, never a scan; counters whose window is long over are pruned on the way.
import type { Db } from "../db-client";
import { isUniqueViolation } from "../errors";

export type ThrottleRule = { bucket: string; max: number; windowMs: number };

const MINUTE = 60_000;

/** Failed sign-ins: 5 per account and 30 per address in 15 minutes (a success forgets the account's). */
export const SIGN_IN_WINDOW_MS = 15 * MINUTE;
export const MAX_FAILS_PER_ACCOUNT = 5;
export const MAX_FAILS_PER_ADDRESS = 30;
/** Sign-ups per address: 10 a minute and 60 an hour (a hall's Wi-Fi shares one address). */
export const SIGN_UPS_PER_MINUTE = 10;
export const SIGN_UPS_PER_HOUR = 60;
/** Wrong current passwords on change-password: 5 per account and 20 per address in 15 minutes. */
export const MAX_PASSWORD_CHANGE_FAILS_PER_ACCOUNT = 5;
export const MAX_PASSWORD_CHANGE_FAILS_PER_ADDRESS = 20;
/** Counters whose window started longer ago than this are over and can go. */
export const LONGEST_WINDOW_MS = 60 * MINUTE;

export const signInRules = (email: string, address: string): ThrottleRule[] => [
  { bucket: `sign-in:account:${email}`, max: MAX_FAILS_PER_ACCOUNT, windowMs: SIGN_IN_WINDOW_MS },
  { bucket: `sign-in:address:${address}`, max: MAX_FAILS_PER_ADDRESS, windowMs: SIGN_IN_WINDOW_MS },
];

export const signUpRules = (address: string): ThrottleRule[] => [
  { bucket: `sign-up:address:${address}:1m`, max: SIGN_UPS_PER_MINUTE, windowMs: MINUTE },
  { bucket: `sign-up:address:${address}:1h`, max: SIGN_UPS_PER_HOUR, windowMs: 60 * MINUTE },
];

export const changePasswordRules = (userId: string, address: string): ThrottleRule[] => [
  {
    bucket: `change-password:account:${userId}`,
    max: MAX_PASSWORD_CHANGE_FAILS_PER_ACCOUNT,
    windowMs: SIGN_IN_WINDOW_MS,
  },
  {
    bucket: `change-password:address:${address}`,
    max: MAX_PASSWORD_CHANGE_FAILS_PER_ADDRESS,
    windowMs: SIGN_IN_WINDOW_MS,
  },
];

export type Attempt =
  | {
      allowed: true;
      /** Takes this attempt back: it does not count (e.g. it succeeded). */ release: () => Promise<void>;
    }
  | { allowed: false; retryAfterMinutes: number };

class OverLimit extends Error {
  constructor(readonly retryAfterMinutes: number) {
    super("over limit");
  }
}

// Waiting for the row lock is part of the design: generous limits for a busy moment.
const TX = { maxWait: 15_000, timeout: 15_000 };

/** Counts one attempt under every rule, or refuses it (counting nothing) with the minutes to wait. */
export async function takeAttempt(db: Db, rules: ThrottleRule[], now = new Date()): Promise<Attempt> {
  const ordered = [...rules].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0)); // one lock order: no deadlock
  await db.throttleCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } } });
  for (let tries = 1; ; tries++) {
    try {
      const windows = await db.$transaction(async (tx) => {
        const taken: { bucket: string; windowStart: Date }[] = [];
        let wait = 0;
        for (const rule of ordered) {
          let row = await tx.throttleCounter.upsert({
            where: { bucket: rule.bucket },
            create: { bucket: rule.bucket, count: 1, windowStart: now },
            update: { count: { increment: 1 } },
          });
          if (row.windowStart.getTime() + rule.windowMs <= now.getTime()) {
            // The window is over (the row is locked by our increment): this attempt opens the next.
            row = await tx.throttleCounter.update({
              where: { bucket: rule.bucket },
              data: { count: 1, windowStart: now },
            });
          }
          if (row.count > rule.max)
            wait = Math.max(wait, Math.ceil((row.windowStart.getTime() + rule.windowMs - now.getTime()) / MINUTE));
          taken.push({ bucket: row.bucket, windowStart: row.windowStart });
        }
        if (wait > 0) throw new OverLimit(Math.max(1, wait)); // rolls every increment back
        return taken;
      }, TX);
      return { allowed: true, release: () => releaseAttempt(db, windows) };
    } catch (e) {
      if (e instanceof OverLimit) return { allowed: false, retryAfterMinutes: e.retryAfterMinutes };
      // Two first attempts on a new bucket may both try to create its row: the loser goes again.
      if (isUniqueViolation(e) && tries < 3) continue;
      throw e;
    }
  }
}

/** Takes one counted attempt back, in the windows it was counted in (a newer window is left alone). */
async function releaseAttempt(db: Db, windows: { bucket: string; windowStart: Date }[]) {
  for (const w of windows) {
    await db.throttleCounter.updateMany({
      where: { bucket: w.bucket, windowStart: w.windowStart, count: { gt: 0 } },
      data: { count: { decrement: 1 } },
    });
  }
}

/** Forgets a bucket (a successful sign-in clears its account's failures). */
export async function clearBucket(db: Db, bucket: string) {
  await db.throttleCounter.deleteMany({ where: { bucket } });
}

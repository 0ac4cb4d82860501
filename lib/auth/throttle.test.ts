// Issue 12: the throttles behind sign-in, sign-up and change-password, on both databases. The race
// (25 simultaneous guesses all checked) is also reproduced over HTTP in e2e/attacks/auth.spec.ts.
import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import {
  clearBucket,
  LONGEST_WINDOW_MS,
  MAX_FAILS_PER_ACCOUNT,
  MAX_FAILS_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  SIGN_UPS_PER_HOUR,
  SIGN_UPS_PER_MINUTE,
  signInRules,
  signUpRules,
  takeAttempt,
} from "./throttle";

const MINUTE = 60_000;

describeEachDatabase("throttle", (getDb) => {
  it("lets exactly the limit through when 25 attempts on one account arrive at once", async () => {
    const db = getDb();
    const rules = signInRules(`race-${uniqueSuffix()}@example.test`, `192.0.2.${Math.floor(Math.random() * 250)}`);
    const attempts = await Promise.all(Array.from({ length: 25 }, () => takeAttempt(db, rules)));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(MAX_FAILS_PER_ACCOUNT);
    // The refused ones were rolled back: only the five count, for the account and for the address.
    const counters = await db.throttleCounter.findMany({ where: { bucket: { in: rules.map((r) => r.bucket) } } });
    expect(counters.map((c) => c.count)).toEqual([MAX_FAILS_PER_ACCOUNT, MAX_FAILS_PER_ACCOUNT]);
    const next = await takeAttempt(db, rules);
    expect(next).toEqual({ allowed: false, retryAfterMinutes: SIGN_IN_WINDOW_MS / MINUTE });
  });

  it("locks an address spraying many accounts, for every account, and only that address", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const address = `spray-${s}`;
    for (let i = 0; i < MAX_FAILS_PER_ADDRESS; i++)
      expect((await takeAttempt(db, signInRules(`spray-${i}-${s}@example.test`, address))).allowed).toBe(true);
    expect((await takeAttempt(db, signInRules(`fresh-${s}@example.test`, address))).allowed).toBe(false);
    expect((await takeAttempt(db, signInRules(`spray-0-${s}@example.test`, `other-${s}`))).allowed).toBe(true);
  });

  it("counts in a window from the first attempt, says how long to wait, and a cleared bucket starts again", async () => {
    const db = getDb();
    const rules = signInRules(`window-${uniqueSuffix()}@example.test`, `window-${uniqueSuffix()}`);
    const start = new Date();
    for (let i = 0; i < MAX_FAILS_PER_ACCOUNT; i++)
      await takeAttempt(db, rules, new Date(start.getTime() + i * MINUTE));
    // Locked until the first of the five leaves the 15-minute window.
    expect(await takeAttempt(db, rules, new Date(start.getTime() + 10 * MINUTE))).toEqual({
      allowed: false,
      retryAfterMinutes: 5,
    });
    expect((await takeAttempt(db, rules, new Date(start.getTime() + 15 * MINUTE + 1000))).allowed).toBe(true);
    await clearBucket(db, rules[0].bucket);
    expect(await db.throttleCounter.count({ where: { bucket: rules[0].bucket } })).toBe(0);
  });

  it("a released attempt does not count", async () => {
    const db = getDb();
    const rules = signInRules(`release-${uniqueSuffix()}@example.test`, `release-${uniqueSuffix()}`);
    for (let i = 0; i < 3 * MAX_FAILS_PER_ACCOUNT; i++) {
      const a = await takeAttempt(db, rules);
      expect(a.allowed).toBe(true);
      if (a.allowed) await a.release();
    }
    const counters = await db.throttleCounter.findMany({ where: { bucket: { in: rules.map((r) => r.bucket) } } });
    expect(counters.map((c) => c.count)).toEqual([0, 0]);
  });

  it("sign-up: a burst limit per minute and a limit per hour on one address", async () => {
    const db = getDb();
    const rules = signUpRules(`signup-${uniqueSuffix()}`);
    const start = Date.now();
    let t = start;
    for (let i = 0; i < SIGN_UPS_PER_MINUTE; i++)
      expect((await takeAttempt(db, rules, new Date(t))).allowed).toBe(true);
    expect(await takeAttempt(db, rules, new Date(t))).toEqual({ allowed: false, retryAfterMinutes: 1 });
    // A steady 10 a minute reaches the hourly limit after 6 minutes.
    let allowed = SIGN_UPS_PER_MINUTE;
    while (allowed < SIGN_UPS_PER_HOUR) {
      t += MINUTE + 1;
      for (let i = 0; i < SIGN_UPS_PER_MINUTE; i++) if ((await takeAttempt(db, rules, new Date(t))).allowed) allowed++;
    }
    t += MINUTE + 1;
    const refused = await takeAttempt(db, rules, new Date(t));
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMinutes).toBeGreaterThan(45);
  });

  it("prunes counters whose window is long over", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const old = new Date(Date.now() - LONGEST_WINDOW_MS - MINUTE);
    await db.throttleCounter.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({ bucket: `old-${s}-${i}`, count: 3, windowStart: old })),
    });
    await takeAttempt(db, signUpRules(`prune-${s}`));
    expect(await db.throttleCounter.count({ where: { bucket: { startsWith: `old-${s}` } } })).toBe(0);
  });
});

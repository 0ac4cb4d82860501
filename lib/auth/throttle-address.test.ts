// Gap filled for issue 8: the per-address limit (password spraying: one address, many accounts).
// The per-account lock is covered in auth-data.test.ts.
import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { MAX_FAILS_PER_ACCOUNT, MAX_FAILS_PER_ADDRESS, recordFailedSignIn, signInLockMinutes, THROTTLE_WINDOW_MS } from "./throttle";

describeEachDatabase("sign-in throttling by address", (getDb) => {
  it("locks an address that fails on many accounts, for every account, and only that address", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const ip = `198.51.100.${s}`; // unique per run: the attempts table is shared
    const other = `203.0.113.${s}`;
    const emails = Array.from({ length: MAX_FAILS_PER_ADDRESS }, (_, i) => `spray-${i}-${s}@example.test`);
    // Fewer failures per account than the account lock needs: only the address limit can stop this.
    expect(MAX_FAILS_PER_ADDRESS / emails.length).toBeLessThan(MAX_FAILS_PER_ACCOUNT);
    for (const email of emails.slice(0, -1)) await recordFailedSignIn(db, email, ip);
    expect(await signInLockMinutes(db, `fresh-${s}@example.test`, ip)).toBe(0);
    await recordFailedSignIn(db, emails.at(-1)!, ip);
    const lock = await signInLockMinutes(db, `fresh-${s}@example.test`, ip);
    expect(lock).toBeGreaterThan(0);
    expect(lock).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 60_000);
    // Another address may still sign in to the same accounts.
    expect(await signInLockMinutes(db, emails[0], other)).toBe(0);
    // The lock runs out with the window.
    expect(await signInLockMinutes(db, emails[0], ip, new Date(Date.now() + THROTTLE_WINDOW_MS + 60_000))).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import {
  SESSION_RECHECK_MS,
  decodedToken,
  forgetSession,
  forgetUserSessions,
  liveSessionUser,
  type SessionToken,
  type SessionUser,
} from "./session-cache";

const token = (sid: string, userId = "u1", epoch = 0): SessionToken => ({
  userId,
  sid,
  epoch,
  expiresAtMs: Date.now() + 60_000,
});
const user: SessionUser = { id: "u1", email: "a@b.c", name: "A", role: "MEMBER", locale: null };

describe("session cache", () => {
  it("decrypts a token once per process and still refuses it once expired", async () => {
    let calls = 0;
    const decode = async () => (calls++, { ...token("s-dec"), expiresAtMs: 10_000 });
    expect(await decodedToken("raw-1", decode, 5_000)).toMatchObject({ sid: "s-dec" });
    expect(await decodedToken("raw-1", decode, 6_000)).toMatchObject({ sid: "s-dec" });
    expect(calls).toBe(1);
    expect(await decodedToken("raw-1", decode, 10_001)).toBeNull();
    expect(await decodedToken("raw-bad", async () => Promise.reject(new Error("bad")), 5_000)).toBeNull();
  });

  it("asks the database again after SESSION_RECHECK_MS (a session ended elsewhere stops working)", async () => {
    let lookups = 0;
    let alive = true;
    const lookup = async () => (lookups++, alive ? user : null);
    const t = token("s-ttl");
    expect(await liveSessionUser(t, lookup, 1_000)).toEqual(user);
    alive = false; // signed out on another instance
    expect(await liveSessionUser(t, lookup, 1_000 + SESSION_RECHECK_MS - 1)).toEqual(user);
    expect(await liveSessionUser(t, lookup, 1_000 + SESSION_RECHECK_MS)).toBeNull();
    expect(lookups).toBe(2);
    expect(SESSION_RECHECK_MS).toBeLessThanOrEqual(5_000);
  });

  it("forgets at once in this process: sign-out of one session, or any change to the account", async () => {
    let alive = true;
    const lookup = async () => (alive ? user : null);
    const a = token("s-a");
    const b = token("s-b");
    const now = 50_000;
    await liveSessionUser(a, lookup, now);
    await liveSessionUser(b, lookup, now);
    alive = false;
    forgetSession("s-a");
    expect(await liveSessionUser(a, lookup, now + 1)).toBeNull();
    expect(await liveSessionUser(b, lookup, now + 1)).toEqual(user); // the other device goes on until re-checked
    forgetUserSessions("u1");
    expect(await liveSessionUser(b, lookup, now + 2)).toBeNull();
  });
});

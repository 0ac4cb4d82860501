import { describe, expect, it } from "vitest";
import { createUserWithPassword } from "../data/users";
import { AppError } from "../errors";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { signUpInput } from "../validations/auth";
import { verifyPassword } from "./password";
import { clearFailedSignIns, MAX_FAILS_PER_ACCOUNT, recordFailedSignIn, signInLockMinutes } from "./throttle";

describe("signUpInput", () => {
  it("normalises email and refuses weak passwords with codes", () => {
    const ok = signUpInput.safeParse({ name: " Ana ", email: " Ana@Example.COM ", password: "a long passphrase" });
    expect(ok.success && ok.data).toMatchObject({ name: "Ana", email: "ana@example.com" });
    const weak = signUpInput.safeParse({ name: "Ana", email: "ana@example.com", password: "password123" });
    expect(weak.success).toBe(false);
    expect(weak.error?.issues.map((i) => i.message)).toContain("password_common");
    const short = signUpInput.safeParse({ name: "Ana", email: "not-an-email", password: "short" });
    expect(short.error?.issues.map((i) => i.message).sort()).toEqual(["email_invalid", "password_too_short"]);
  });
});

describeEachDatabase("accounts", (getDb) => {
  it("hashes the password with argon2id and refuses a duplicate email", async () => {
    const db = getDb();
    const email = `dup-${uniqueSuffix()}@example.test`;
    const user = await createUserWithPassword(db, { name: "A", email, password: "a long passphrase" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash!, "a long passphrase")).toBe(true);
    expect(await verifyPassword(stored.passwordHash!, "wrong")).toBe(false);
    const before = await db.user.count();
    await expect(createUserWithPassword(db, { name: "B", email, password: "another passphrase" })).rejects.toMatchObject(new AppError("CONFLICT", "email_taken"));
    expect(await db.user.count()).toBe(before);
  });

  it("locks an account after repeated failures, and unlocks after success", async () => {
    const db = getDb();
    const email = `lock-${uniqueSuffix()}@example.test`;
    const ip = `10.0.0.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < MAX_FAILS_PER_ACCOUNT - 1; i++) await recordFailedSignIn(db, email, ip);
    expect(await signInLockMinutes(db, email, ip)).toBe(0);
    await recordFailedSignIn(db, email, ip);
    expect(await signInLockMinutes(db, email, ip)).toBeGreaterThan(0);
    // the lock runs out after the window
    expect(await signInLockMinutes(db, email, ip, new Date(Date.now() + 16 * 60_000))).toBe(0);
    await clearFailedSignIns(db, email);
    expect(await signInLockMinutes(db, email, ip)).toBe(0);
  });
});

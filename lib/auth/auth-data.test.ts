import { describe, expect, it } from "vitest";
import { createUserWithPassword } from "../data/users";
import { AppError } from "../errors";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { signUpInput } from "../validations/auth";
import { verifyPassword } from "./password";

describe("signUpInput", () => {
  it("normalises email and refuses short passwords and bad emails with codes (strength: password-strength.test.ts)", () => {
    const ok = signUpInput.safeParse({ name: " Ana ", email: " Ana@Example.COM ", password: "a long passphrase" });
    expect(ok.success && ok.data).toMatchObject({ name: "Ana", email: "ana@example.com" });
    const short = signUpInput.safeParse({ name: "Ana", email: "not-an-email", password: "short" });
    expect(short.error?.issues.map((i) => i.message).sort()).toEqual(["email_invalid", "password_too_short"]);
    const isEmail = signUpInput.safeParse({
      name: "Ana",
      email: "ana.long@example.com",
      password: "Ana.Long@Example.com",
    });
    expect(isEmail.error?.issues.map((i) => i.message)).toEqual(["password_is_email"]);
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
    await expect(
      createUserWithPassword(db, { name: "B", email, password: "another passphrase" }),
    ).rejects.toMatchObject(new AppError("CONFLICT", "email_taken"));
    expect(await db.user.count()).toBe(before);
  });
});

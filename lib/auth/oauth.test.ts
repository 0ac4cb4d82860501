// Issue 12: OAuth sign-in linked to an existing password account by email without checking that
// the provider verified the email. Providers cannot be reached from the tests; their answers are
// written out below as the providers document them.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { linkOAuthUser, OAUTH_EMAIL_UNVERIFIED, verifiedGitHubEmail, verifiedGoogleEmail } from "./oauth";

describe("which email a provider vouches for", () => {
  it("GitHub: the profile's email when verified, else the verified primary one, else none", () => {
    const emails = [
      { email: "victim@example.test", verified: false, primary: false },
      { email: "me@example.test", verified: true, primary: true },
      { email: "work@example.test", verified: true, primary: false },
    ];
    expect(verifiedGitHubEmail(emails, "Work@Example.test")).toBe("work@example.test");
    expect(verifiedGitHubEmail(emails, "victim@example.test")).toBe("me@example.test");
    expect(verifiedGitHubEmail(emails, null)).toBe("me@example.test");
    expect(
      verifiedGitHubEmail([{ email: "victim@example.test", verified: false, primary: true }], "victim@example.test"),
    ).toBeNull();
    expect(verifiedGitHubEmail({ message: "Bad credentials" }, "x@example.test")).toBeNull();
    expect(verifiedGitHubEmail([null, 1, { email: 2, verified: true }], null)).toBeNull();
  });

  it("Google: only with email_verified", () => {
    expect(verifiedGoogleEmail({ email: "me@example.test", email_verified: true })).toBe("me@example.test");
    expect(verifiedGoogleEmail({ email: "victim@example.test", email_verified: false })).toBeNull();
    expect(verifiedGoogleEmail({ email: "victim@example.test" })).toBeNull();
    expect(verifiedGoogleEmail(undefined)).toBeNull();
  });
});

describeEachDatabase("linkOAuthUser", (getDb) => {
  it("refuses to tie an unverified email to the password account that owns it, and changes nothing", async () => {
    const db = getDb();
    const email = `owner-${uniqueSuffix()}@example.test`;
    const owner = await db.user.create({ data: { email, name: "Owner", passwordHash: "x" } });
    const accounts = await db.account.count();
    await expect(linkOAuthUser(db, "github", `gh-${uniqueSuffix()}`, null, "Mallory")).rejects.toEqual(
      new AppError("FORBIDDEN", OAUTH_EMAIL_UNVERIFIED),
    );
    expect(await db.account.count()).toBe(accounts);
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("links a verified email to its account, and a known identity signs in as its user", async () => {
    const db = getDb();
    const email = `verified-${uniqueSuffix()}@example.test`;
    const owner = await db.user.create({ data: { email, name: "Owner", passwordHash: "x" } });
    const providerAccountId = `gh-${uniqueSuffix()}`;
    expect((await linkOAuthUser(db, "github", providerAccountId, email.toUpperCase(), "Owner")).id).toBe(owner.id);
    // Seen before: the identity is enough (the provider vouched once already).
    expect((await linkOAuthUser(db, "github", providerAccountId, null, "Owner")).id).toBe(owner.id);
  });

  it("creates a new account only for a verified email", async () => {
    const db = getDb();
    const email = `new-${uniqueSuffix()}@example.test`;
    const user = await linkOAuthUser(db, "google", `g-${uniqueSuffix()}`, email, "New Person");
    expect(user).toMatchObject({ email, name: "New Person", role: "MEMBER" });
  });
});

import type { Db } from "../db-client";
import { AppError } from "../errors";

/** The sign-in page's `?error=` code when a provider does not vouch for the email (auth.errors.oauthEmailUnverified). */
export const OAUTH_EMAIL_UNVERIFIED = "OAuthEmailUnverified";

type GitHubEmail = { email?: unknown; verified?: unknown; primary?: unknown };

/** From GitHub's GET /user/emails: the profile's email if verified, else the verified primary one. */
export function verifiedGitHubEmail(emails: unknown, profileEmail?: string | null): string | null {
  if (!Array.isArray(emails)) return null;
  const verified = (emails as GitHubEmail[]).filter((e) => e && typeof e.email === "string" && e.verified === true);
  const wanted = profileEmail?.trim().toLowerCase();
  const match =
    (wanted && verified.find((e) => (e.email as string).toLowerCase() === wanted)) ||
    verified.find((e) => e.primary === true);
  return match ? (match.email as string) : null;
}

/** Google's OpenID profile: the email only when Google says it is verified. */
export function verifiedGoogleEmail(profile: unknown): string | null {
  const p = profile as { email?: unknown; email_verified?: unknown } | undefined;
  return typeof p?.email === "string" && (p.email_verified === true || p.email_verified === "true") ? p.email : null;
}

/** Asks GitHub which of the user's emails are verified (the provider's default scope includes user:email). */
export async function fetchVerifiedGitHubEmail(
  accessToken: string | undefined,
  profileEmail?: string | null,
): Promise<string | null> {
  if (!accessToken) return null;
  const res = await fetch("https://api.github.com/user/emails", {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: "application/vnd.github+json",
      "User-Agent": "summit-notes",
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) return null;
  return verifiedGitHubEmail(await res.json(), profileEmail);
}

/**
 * Finds or creates the user behind an OAuth identity; the first user of the instance is ADMIN. An
 * identity seen before signs in as its user. A new one is tied to an account by email only when the
 * provider verified that email (`verifiedEmail`, null otherwise): anyone can type any address into
 * a GitHub profile, and linking on it would hand them the password account that owns it.
 */
export async function linkOAuthUser(
  db: Db,
  provider: string,
  providerAccountId: string,
  verifiedEmail: string | null,
  name?: string | null,
) {
  const existing = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    include: { user: true },
  });
  if (existing) return existing.user;
  if (!verifiedEmail) throw new AppError("FORBIDDEN", OAUTH_EMAIL_UNVERIFIED);
  const normalised = verifiedEmail.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email: normalised } })) ??
      (await tx.user.create({
        data: {
          email: normalised,
          name: name?.trim() || normalised.split("@")[0],
          role: (await tx.user.count()) === 0 ? "ADMIN" : "MEMBER",
        },
      }));
    await tx.account.create({ data: { userId: user.id, provider, providerAccountId } });
    return user;
  });
}

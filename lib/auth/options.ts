import type { Account, NextAuthOptions, Profile } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../db";
import { authSecret, env } from "../env";
import { isAppError } from "../errors";
import { safeCallbackUrl } from "../safe-redirect";
import { signInInput } from "../validations/auth";
import { clientAddress } from "./client-address";
import { fetchVerifiedGitHubEmail, linkOAuthUser, OAUTH_EMAIL_UNVERIFIED, verifiedGoogleEmail } from "./oauth";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearBucket, signInRules, takeAttempt } from "./throttle";
import { endUserSession, SESSION_MAX_AGE_S, startUserSession } from "./user-sessions";

/**
 * Error codes the sign-in form turns into messages (next-auth passes the thrown message through).
 * A disabled account gets `wrong` like a wrong password: the answer must not tell that the password was right.
 */
export const SIGN_IN_ERRORS = {
  wrong: "CredentialsSignin",
  locked: "TooManyAttempts",
  oauthUnverified: OAUTH_EMAIL_UNVERIFIED,
} as const;

/** Email + password, throttled per account and per client address (lib/auth/throttle.ts). */
async function authorizeCredentials(credentials: unknown, headers: Record<string, unknown> | undefined) {
  const parsed = signInInput.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const rules = signInRules(email, clientAddress(headers));
  // Counted before the password is checked, so simultaneous guesses cannot all slip under the limit.
  const attempt = await takeAttempt(db, rules);
  if (!attempt.allowed) throw new Error(`${SIGN_IN_ERRORS.locked}:${attempt.retryAfterMinutes}`);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  // A failure keeps its throttle rows. A disabled account fails the same way, right password or not.
  if (!user || !user.passwordHash || !ok || user.disabledAt) return null;
  await attempt.release();
  await clearBucket(db, rules[0].bucket);
  return { id: user.id, email: user.email, name: user.name };
}

/** The email the provider vouches for (verified), or null. */
async function verifiedEmailOf(account: Account, profile: Profile | undefined): Promise<string | null> {
  if (account.provider === "google") return verifiedGoogleEmail(profile);
  if (account.provider === "github") return fetchVerifiedGitHubEmail(account.access_token, profile?.email);
  return null;
}

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) =>
        authorizeCredentials(credentials, req?.headers as Record<string, unknown> | undefined),
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET)
    list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET)
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  return list;
}

export function oauthProviderIds(): string[] {
  const e = env();
  return [e.GITHUB_ID ? "github" : null, e.GOOGLE_CLIENT_ID ? "google" : null].filter((x): x is string => !!x);
}

// The OAuth user linked in the signIn callback, for the jwt callback of the same request.
const linkedUsers = new WeakMap<Account, { id: string; sessionEpoch: number }>();

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  return (cached ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile }) {
        if (!account || account.provider === "credentials") return true;
        try {
          const linked = await linkOAuthUser(
            db,
            account.provider,
            account.providerAccountId,
            await verifiedEmailOf(account, profile),
            profile?.name,
          );
          linkedUsers.set(account, { id: linked.id, sessionEpoch: linked.sessionEpoch });
          return true;
        } catch (e) {
          if (isAppError(e) && e.message === OAUTH_EMAIL_UNVERIFIED) return `/sign-in?error=${OAUTH_EMAIL_UNVERIFIED}`;
          throw e;
        }
      },
      async jwt({ token, user, account }) {
        // Only at sign-in (user/account present); later calls pass the token through unchanged.
        if (!account || !user) return token;
        const linked = linkedUsers.get(account);
        // An OAuth `user` is the provider's profile: only the account linked above is ours.
        const userId = account.provider === "credentials" ? user.id : linked?.id;
        if (!userId) return token;
        const epoch =
          linked?.sessionEpoch ??
          (await db.user.findUnique({ where: { id: userId }, select: { sessionEpoch: true } }))?.sessionEpoch ??
          0;
        return { ...token, sub: userId, epoch, sid: await startUserSession(db, userId) };
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.epoch = typeof token.epoch === "number" ? token.epoch : -1;
          session.user.sid = typeof token.sid === "string" ? token.sid : "";
        }
        return session;
      },
      // Where next-auth sends the browser afterwards: this site only, compared by origin.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, "/events", baseUrl)}`;
      },
    },
    events: {
      // Sign-out ends this session on the server too: a copy of the cookie no longer works.
      async signOut({ token }) {
        await endUserSession(db, typeof token?.sid === "string" ? token.sid : undefined);
      },
    },
  });
}

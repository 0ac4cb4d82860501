import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "../db";
import { authSecret, env } from "../env";
import { signInInput } from "../validations/auth";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInLockMinutes } from "./throttle";
import { linkOAuthUser } from "./oauth";

/** Error codes the sign-in form turns into messages (next-auth passes the thrown message through). */
export const SIGN_IN_ERRORS = { wrong: "CredentialsSignin", locked: "TooManyAttempts", disabled: "AccountDisabled" } as const;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return first || (typeof headers?.["x-real-ip"] === "string" ? (headers["x-real-ip"] as string) : "local");
}

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInInput.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
        const lock = await signInLockMinutes(db, email, ip);
        if (lock > 0) throw new Error(`${SIGN_IN_ERRORS.locked}:${lock}`);
        const user = await db.user.findUnique({ where: { email } });
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        if (!user || !user.passwordHash || !ok) {
          await recordFailedSignIn(db, email, ip, user?.id);
          return null;
        }
        if (user.disabledAt) throw new Error(SIGN_IN_ERRORS.disabled);
        await clearFailedSignIns(db, email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET)
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  return list;
}

export function oauthProviderIds(): string[] {
  const e = env();
  return [e.GITHUB_ID ? "github" : null, e.GOOGLE_CLIENT_ID ? "google" : null].filter((x): x is string => !!x);
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  return (cached ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (account && account.provider !== "credentials") {
          const linked = await linkOAuthUser(db, account.provider, account.providerAccountId, profile?.email ?? user?.email, user?.name);
          token.sub = linked.id;
          token.epoch = linked.sessionEpoch;
        } else if (user) {
          const fresh = await db.user.findUnique({ where: { id: user.id }, select: { sessionEpoch: true } });
          token.sub = user.id;
          token.epoch = fresh?.sessionEpoch ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.epoch = typeof token.epoch === "number" ? token.epoch : -1;
        }
        return session;
      },
    },
  });
}

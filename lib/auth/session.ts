import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "../db";
import { authSecret } from "../env";
import { AppError } from "../errors";
import { decodedToken, liveSessionUser, type SessionToken } from "./session-cache";
import { findSessionUser } from "./user-sessions";

export type CurrentUser = { id: string; email: string; name: string; role: "ADMIN" | "MEMBER"; locale: string | null };

// next-auth's cookie: `__Secure-` prefixed when the app is served over https (NEXTAUTH_URL).
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** next-auth splits a cookie over 4 KB into `<name>.0`, `<name>.1`, … */
function chunked(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  const parts: string[] = [];
  for (let i = 0; ; i++) {
    const part = jar.get(`${name}.${i}`)?.value;
    if (part === undefined) break;
    parts.push(part);
  }
  return parts.length ? parts.join("") : undefined;
}

async function decodeSessionToken(raw: string): Promise<SessionToken | null> {
  const payload = await decode({ token: raw, secret: authSecret() });
  if (!payload || typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.exp !== "number")
    return null;
  return {
    userId: payload.sub,
    sid: payload.sid,
    epoch: typeof payload.epoch === "number" ? payload.epoch : -1,
    expiresAtMs: payload.exp * 1000,
  };
}

/**
 * The signed-in user. The session must be live: its UserSession row exists (sign-out deletes it),
 * the account is not disabled and the token is not older than the last password change
 * (sessionEpoch) — one query, remembered for at most SESSION_RECHECK_MS (lib/auth/session-cache.ts).
 * The cookie is read and decrypted here directly: next-auth's getServerSession runs its whole
 * request handler per call, the largest cost of a signed-in request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value ?? chunked(jar, name)).find(Boolean);
  if (!raw) return null;
  const token = await decodedToken(raw, decodeSessionToken);
  if (!token) return null;
  return liveSessionUser(token, () => findSessionUser(db, token));
});

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUserOrRedirect(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For actions and route handlers: the user, or an UNAUTHENTICATED AppError. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sign_in_required");
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN", "admin_only");
  return user;
}

/** For admin pages: sign-in redirect when signed out, a plain 404 for non-admins (no hint the page exists). */
export async function requireAdminPage(returnTo: string): Promise<CurrentUser> {
  const user = await requireUserOrRedirect(returnTo);
  if (user.role !== "ADMIN") notFound();
  return user;
}

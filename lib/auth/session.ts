import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db } from "../db";
import { AppError } from "../errors";
import { authOptions } from "./options";
import { findSessionUser } from "./user-sessions";

export type CurrentUser = { id: string; email: string; name: string; role: "ADMIN" | "MEMBER"; locale: string | null };

/**
 * The signed-in user, re-checked against the database on every request (one query): a signed-out
 * session (its UserSession row is gone), a disabled account or a token older than the last
 * password change (sessionEpoch) counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const token = session?.user;
  if (!token?.id || !token.sid) return null;
  const user = await findSessionUser(db, { userId: token.id, sid: token.sid, epoch: token.epoch });
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } : null;
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
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins may do this");
  return user;
}

/** For admin pages: sign-in redirect when signed out, a plain 404 for non-admins (no hint the page exists). */
export async function requireAdminPage(returnTo: string): Promise<CurrentUser> {
  const user = await requireUserOrRedirect(returnTo);
  if (user.role !== "ADMIN") notFound();
  return user;
}

import "server-only";
import type { Db } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import { hashPassword, verifyPassword } from "../auth/password";
import type { SignUpInput } from "../validations/auth";
import { forgetUserSessions } from "../auth/session-cache";

/** Creates an email+password account. The first account of an instance becomes ADMIN. */
export async function createUserWithPassword(db: Db, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", "email_taken");
      const isFirst = (await tx.user.count()) === 0;
      return tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: isFirst ? "ADMIN" : "MEMBER" },
        select: { id: true, email: true, role: true },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "email_taken");
    throw e;
  }
}

/**
 * Changes a password after checking the current one. The session epoch moves on, so every session
 * of the account — this one included — is signed out; the user signs in again with the new password.
 */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  if (!user.passwordHash) throw new AppError("CONFLICT", "no_password", { currentPassword: ["no_password"] });
  if (!(await verifyPassword(user.passwordHash, currentPassword)))
    throw new AppError("INVALID", "wrong_password", { currentPassword: ["wrong_password"] });
  if (newPassword.toLowerCase() === user.email)
    throw new AppError("INVALID", "password_is_email", { newPassword: ["password_is_email"] });
  if (newPassword === currentPassword)
    throw new AppError("INVALID", "password_unchanged", { newPassword: ["password_unchanged"] });
  const passwordHash = await hashPassword(newPassword);
  // Conditional on the hash we checked: two racing changes cannot both win.
  const updated = await db.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionEpoch: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "password_changed_meanwhile");
  forgetUserSessions(userId);
}

import "server-only";
import type { Db } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import { hashPassword } from "../auth/password";
import type { SignUpInput } from "../validations/auth";

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

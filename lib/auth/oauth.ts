import type { Db } from "../db-client";
import { AppError } from "../errors";

/** Finds or creates the user behind an OAuth identity; the first user of the instance is ADMIN. */
export async function linkOAuthUser(db: Db, provider: string, providerAccountId: string, email?: string | null, name?: string | null) {
  const existing = await db.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, include: { user: true } });
  if (existing) return existing.user;
  if (!email) throw new AppError("INVALID", "The provider did not share an email address");
  const normalised = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email: normalised } })) ??
      (await tx.user.create({
        data: { email: normalised, name: name?.trim() || normalised.split("@")[0], role: (await tx.user.count()) === 0 ? "ADMIN" : "MEMBER" },
      }));
    await tx.account.create({ data: { userId: user.id, provider, providerAccountId } });
    return user;
  });
}

// The demo accounts the seed creates (prisma/seed-data/seed.ts), and which of them still have their
// published password: only those are shown on the home and sign-in pages, so an operator who
// changed or removed them shows nothing.
import type { Db } from "../db-client";
import { verifyPassword } from "./password";

export const DEMO_ACCOUNTS = {
  admin: {
    email: "admin@summit-notes.local",
    password: "SummitAdmin2016!",
    name: "Demo Admin",
    role: "ADMIN" as const,
  },
  member: {
    email: "member@summit-notes.local",
    password: "SummitMember2016!",
    name: "Demo Member",
    role: "MEMBER" as const,
  },
};

export type ShownDemoAccount = { email: string; password: string; role: "ADMIN" | "MEMBER" };

// Checking costs two password hashes: done at most every few minutes per process, not per view.
const CHECK_EVERY_MS = 5 * 60_000;
let checked: { at: number; accounts: Promise<ShownDemoAccount[]> } | null = null;

export function shownDemoAccounts(db: Db): Promise<ShownDemoAccount[]> {
  if (checked && Date.now() - checked.at < CHECK_EVERY_MS) return checked.accounts;
  const accounts = (async () => {
    const shown: ShownDemoAccount[] = [];
    for (const account of [DEMO_ACCOUNTS.member, DEMO_ACCOUNTS.admin]) {
      const user = await db.user.findUnique({
        where: { email: account.email },
        select: { passwordHash: true, disabledAt: true },
      });
      if (user?.passwordHash && !user.disabledAt && (await verifyPassword(user.passwordHash, account.password)))
        shown.push({ email: account.email, password: account.password, role: account.role });
    }
    return shown;
  })().catch(() => []);
  checked = { at: Date.now(), accounts };
  return accounts;
}

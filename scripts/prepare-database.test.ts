import { describe, expect, it, onTestFinished } from "vitest";
import { createPrismaClient } from "../lib/db-client";
import { freshTestDatabase } from "../lib/testing/databases";
import { DEMO_ACCOUNTS, DEMO_EVENT } from "../prisma/seed-data/seed";
import { prepareDatabase } from "./prepare-database";

const quiet = { log: () => undefined };

async function counts(url: string) {
  const db = createPrismaClient(url);
  try {
    const [users, services, aliases, events, talks, notes] = await Promise.all([
      db.user.count(),
      db.service.count(),
      db.serviceAlias.count(),
      db.event.count(),
      db.talk.count(),
      db.note.count(),
    ]);
    return { users, services, aliases, events, talks, notes };
  } finally {
    await db.$disconnect();
  }
}

describe("first start and second start (npm start's database step)", () => {
  for (const provider of ["sqlite", "postgres"] as const) {
    it(
      `migrates and seeds an empty database, then changes nothing on a second run [${provider}]`,
      { timeout: 180_000 },
      async () => {
        const { url, drop } = await freshTestDatabase(provider, { unmigrated: true });
        onTestFinished(drop);
        await prepareDatabase(url, quiet);
        const first = await counts(url);
        expect(first.services).toBeGreaterThanOrEqual(200);
        const db = createPrismaClient(url);
        const demo = await db.event.findUniqueOrThrow({
          where: { slug: DEMO_EVENT.slug },
          include: { tracks: true, talks: true },
        });
        expect(demo.tracks).toHaveLength(DEMO_EVENT.tracks);
        expect(demo.talks.filter((t) => t.trackId === null)).toHaveLength(1);
        expect(demo.talks.length).toBeGreaterThanOrEqual(7);
        expect(await db.user.findUnique({ where: { email: DEMO_ACCOUNTS.admin.email } })).toMatchObject({
          role: "ADMIN",
        });
        // Data a user added survives the next start.
        const added = await db.user.create({ data: { email: `kept-${Date.now()}@example.test`, name: "Kept" } });
        await db.$disconnect();

        await prepareDatabase(url, quiet);
        expect(await counts(url)).toEqual({ ...first, users: first.users + 1 });
        const again = createPrismaClient(url);
        expect(await again.user.findUnique({ where: { id: added.id } })).not.toBeNull();
        await again.$disconnect();
      },
    );
  }
});

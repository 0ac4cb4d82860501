// Backup → empty instance → restore → backup again, on SQLite and PostgreSQL: the two files are equal.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedCatalog } from "../../prisma/seed-data/seed";
import { createPrismaClient, type Db } from "../db-client";
import { AppError } from "../errors";
import { describeEachDatabase, freshTestDatabase, uniqueSuffix } from "../testing/databases";
import { TABLE_ORDER, type Backup } from "../validations/backup";
import { exportInstance, exportUser, restoreBackup } from "./backup";

/** A freshly migrated, empty database of the same provider (a copy of the run's template); dropped after the file. */
async function freshDatabase(provider: "sqlite" | "postgres"): Promise<{ db: Db; drop: () => Promise<void> }> {
  const fresh = await freshTestDatabase(provider);
  const db = createPrismaClient(fresh.url);
  return { db, drop: async () => (await db.$disconnect(), await fresh.drop()) };
}

/** Every kind of row the app writes, with odd text (Korean, quotes, NUL-free control characters, long). */
async function seedRichData(db: Db, s: string) {
  await seedCatalog(db);
  const lambda = await db.service.findUniqueOrThrow({ where: { slug: "lambda" } });
  const [ana, ben] = await Promise.all([
    db.user.create({
      data: {
        email: `ana-${s}@example.test`,
        name: '안나 "Ana"',
        passwordHash: "$argon2id$v=19$x",
        locale: "ko",
        icsToken: `ics-${s}`,
      },
    }),
    db.user.create({
      data: {
        email: `ben-${s}@example.test`,
        name: "Ben",
        role: "ADMIN",
        disabledAt: new Date("2024-01-02T03:04:05.678Z"),
        sessionEpoch: 3,
      },
    }),
  ]);
  await db.account.create({ data: { userId: ana.id, provider: "github", providerAccountId: `gh-${s}` } });
  const team = await db.team.create({ data: { name: `팀 ${s}`, slug: `team-${s}` } });
  await db.membership.createMany({
    data: [
      { teamId: team.id, userId: ana.id, role: "OWNER" },
      { teamId: team.id, userId: ben.id, role: "EDITOR" },
    ],
  });
  await db.teamInvite.create({
    data: { teamId: team.id, tokenHash: `hash-${s}`, createdById: ana.id, expiresAt: new Date("2030-01-01T00:00:00Z") },
  });
  const event = await db.event.create({
    data: {
      name: `AWS Summit ${s}`,
      slug: `summit-${s}`,
      series: "AWS Summit Seoul",
      startDate: new Date("2016-05-16T15:00:00Z"),
      endDate: new Date("2016-05-17T14:59:00Z"),
      venue: "COEX",
    },
  });
  const day = await db.day.create({ data: { eventId: event.id, date: "2016-05-17", label: "1일차" } });
  const track = await db.track.create({ data: { eventId: event.id, name: "Track 1", room: "311", position: 0 } });
  const slot = await db.timeSlot.create({
    data: {
      eventId: event.id,
      dayId: day.id,
      startsAt: new Date("2016-05-17T04:00:00Z"),
      endsAt: new Date("2016-05-17T04:40:00Z"),
    },
  });
  const talk = await db.talk.create({
    data: {
      eventId: event.id,
      trackId: track.id,
      slotId: slot.id,
      title: "람다 \u2028 서버리스",
      abstract: "x".repeat(5000),
      level: "ADVANCED",
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      externalGuid: `g-${s}`,
    },
  });
  const speaker = await db.speaker.create({
    data: { eventId: event.id, name: "김기완", organisation: "AWS", bio: "SA" },
  });
  await db.talkSpeaker.create({ data: { talkId: talk.id, speakerId: speaker.id, position: 0 } });
  const note = await db.note.create({
    data: {
      authorId: ana.id,
      eventId: event.id,
      talkId: talk.id,
      body: "람다 좋았다\n\n```js\nx\n```",
      visibility: "TEAM",
      version: 2,
    },
  });
  const eventNote = await db.note.create({
    data: { authorId: ana.id, eventId: event.id, body: "총평", visibility: "PUBLIC", publicToken: `tok-${s}` },
  });
  await db.noteShare.create({ data: { noteId: note.id, teamId: team.id } });
  await db.noteRevision.createMany({
    data: [
      { noteId: note.id, authorId: ana.id, version: 1, body: "람다", clientOpId: `op1-${s}` },
      { noteId: note.id, authorId: ana.id, version: 2, body: note.body },
      { noteId: eventNote.id, authorId: ana.id, version: 1, body: "총평" },
    ],
  });
  const root = await db.comment.create({ data: { noteId: note.id, authorId: ben.id, body: "좋네요" } });
  const reply = await db.comment.create({
    data: { noteId: note.id, authorId: ana.id, parentId: root.id, body: "감사" },
  });
  // A reply whose id sorts before its parent's: restore must still insert the parent first.
  await db.comment.create({
    data: { id: `0-${s}`, noteId: note.id, authorId: ben.id, parentId: reply.id, body: "ㅎㅎ" },
  });
  await db.noteTag.createMany({
    data: [
      { noteId: note.id, serviceId: lambda.id, source: "SUGGESTED" },
      { noteId: note.id, topic: "serverless" },
    ],
  });
  await db.star.create({ data: { userId: ana.id, talkId: talk.id } });
  await db.claim.create({ data: { teamId: team.id, talkId: talk.id, userId: ben.id } });
  await db.talkReview.create({ data: { teamId: team.id, talkId: talk.id } });
  await db.writeup.create({ data: { teamId: team.id, eventId: event.id, body: "# 팀 후기" } });
  await db.writeup.create({ data: { teamId: team.id, eventId: event.id, talkId: talk.id, body: "## 람다" } });
  return { ana, ben };
}

const withoutStamp = (b: Backup) => ({ ...b, exportedAt: "" });

describeEachDatabase("backup round trip", (getDb, provider) => {
  const s = uniqueSuffix();
  let people: Awaited<ReturnType<typeof seedRichData>>;
  const fresh: { db: Db; drop: () => Promise<void> }[] = [];

  beforeAll(async () => {
    people = await seedRichData(getDb(), s);
  });
  afterAll(async () => {
    for (const f of fresh) await f.drop();
  });

  it("the whole instance: export → empty database → restore → export is the same file", async () => {
    const first = await exportInstance(getDb());
    for (const table of TABLE_ORDER) expect(first.tables[table].length, table).toBeGreaterThan(0);
    const target = await freshDatabase(provider);
    fresh.push(target);
    const summary = await restoreBackup(target.db, JSON.parse(JSON.stringify(first)));
    expect(summary.counts.notes).toBe(first.tables.notes.length);
    const second = await exportInstance(target.db);
    expect(withoutStamp(second)).toEqual(withoutStamp(first));
    // The search index is rebuilt by the triggers: the restored note is found.
    const found = await target.db.note.count({ where: { body: { contains: "람다 좋았다" } } });
    expect(found).toBe(1);
    // A second restore into the now non-empty database is refused, and writes nothing.
    const before = await target.db.note.count();
    await expect(restoreBackup(target.db, first)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await target.db.note.count()).toBe(before);
  });

  it("one user's data: export → empty database (catalog seeded) → restore → export is the same file", async () => {
    const first = await exportUser(getDb(), people.ana.id);
    expect(first.tables.users).toHaveLength(1);
    expect(first.tables.users[0].passwordHash).toBeNull();
    expect(first.tables.notes).toHaveLength(2);
    expect(first.tables.comments).toHaveLength(0); // other people's words stay out
    const target = await freshDatabase(provider);
    fresh.push(target);
    await seedCatalog(target.db); // a started instance has the catalog: services are matched by slug
    const summary = await restoreBackup(target.db, first);
    expect(summary.servicesMatched).toBe(1);
    const second = await exportUser(target.db, people.ana.id);
    const sameIdsButServices = (b: Backup) => ({
      ...withoutStamp(b),
      tables: {
        ...b.tables,
        services: b.tables.services.map((x) => x.slug),
        serviceAliases: b.tables.serviceAliases.length > 0,
        noteTags: b.tables.noteTags.map((t) => ({ ...t, serviceId: t.serviceId ? "service" : null })),
      },
    });
    expect(sameIdsButServices(second)).toEqual(sameIdsButServices(first));
  });

  it("refuses files that are not a valid backup, and writes nothing", async () => {
    const target = await freshDatabase(provider);
    fresh.push(target);
    const good = await exportUser(getDb(), people.ben.id);
    const broken: [string, unknown][] = [
      ["not a backup", { hello: 1 }],
      ["a newer version", { ...good, version: 2 }],
      ["an unknown column", { ...good, tables: { ...good.tables, users: [{ ...good.tables.users[0], extra: 1 }] } }],
      [
        "a bad date",
        { ...good, tables: { ...good.tables, users: [{ ...good.tables.users[0], createdAt: "yesterday" }] } },
      ],
      ["a row twice", { ...good, tables: { ...good.tables, users: [good.tables.users[0], good.tables.users[0]] } }],
      [
        "a note of a missing event",
        {
          ...good,
          tables: {
            ...good.tables,
            notes: [
              {
                id: "n1",
                authorId: people.ben.id,
                eventId: "missing",
                talkId: null,
                body: "x",
                visibility: "PRIVATE",
                publicToken: null,
                version: 1,
                createdAt: good.exportedAt,
                updatedAt: good.exportedAt,
              },
            ],
          },
        },
      ],
    ];
    for (const [label, file] of broken) {
      const error = await restoreBackup(target.db, file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, label).toBeInstanceOf(AppError);
      expect(await target.db.user.count(), label).toBe(0);
    }
  });
});

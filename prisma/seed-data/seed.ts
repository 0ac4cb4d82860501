// Idempotent seed: demo accounts, the AWS service catalog and one demo event built from a real
// write-up (AWS Summit Seoul 2016). Running it again changes nothing that exists.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../../lib/auth/demo-accounts";
import { hashPassword } from "../../lib/auth/password";
import { loadAwsCatalog } from "../../lib/catalog/aws-catalog";
import { insertAgendaTalks } from "../../lib/data/agenda-rows";
import type { Db } from "../../lib/db-client";
import { zonedToUtc } from "../../lib/time/zoned";
import { parseWriteup } from "../../lib/writeup/parse";

// One list for the seed and the pages that show the demo accounts (lib/auth/demo-accounts.ts).
export { DEMO_ACCOUNTS };

export const DEMO_EVENT = {
  slug: "aws-summit-seoul-2016",
  name: "AWS Summit Seoul 2016",
  series: "AWS Summit Seoul",
  date: "2016-05-17",
  timeZone: "Asia/Seoul",
  venue: "COEX, Seoul",
  tracks: 6,
};

async function seedAccounts(db: Db) {
  let created = 0;
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
      },
    });
    created++;
  }
  return created;
}

export async function seedCatalog(db: Db) {
  const catalog = loadAwsCatalog();
  const known = new Set((await db.service.findMany({ select: { slug: true } })).map((s) => s.slug));
  const missing = catalog.filter((s) => !known.has(s.slug));
  // Two bulk inserts, not one round trip per service: seeding stays fast on PostgreSQL too.
  await db.$transaction(async (tx) => {
    if (missing.length) {
      await tx.service.createMany({
        data: missing.map(({ slug, name, shortName, category, icon }) => ({ slug, name, shortName, category, icon })),
      });
    }
    const rows = await tx.service.findMany({ select: { id: true, slug: true, aliases: { select: { alias: true } } } });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    const aliases = catalog.flatMap((service) => {
      const row = bySlug.get(service.slug)!;
      const have = new Set(row.aliases.map((a) => a.alias));
      return service.aliases
        .filter((a) => !have.has(a.alias))
        .map((a) => ({ serviceId: row.id, alias: a.alias, locale: a.locale }));
    });
    if (aliases.length) await tx.serviceAlias.createMany({ data: aliases });
  });
  return { total: catalog.length, created: missing.length };
}

/** The demo event: the write-up's time-slotted talks spread over parallel tracks, a plenary keynote. */
async function seedDemoEvent(db: Db) {
  if (await db.event.findUnique({ where: { slug: DEMO_EVENT.slug }, select: { id: true } })) return false;
  const source = readFileSync(path.join(import.meta.dirname, "aws-summit-2016.md"), "utf8");
  const plan = parseWriteup(source, { fileName: "aws-summit-2016.md", timeZone: DEMO_EVENT.timeZone });
  const { date, timeZone } = DEMO_EVENT;
  const member = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.member.email } });
  await db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        slug: DEMO_EVENT.slug,
        name: DEMO_EVENT.name,
        series: DEMO_EVENT.series,
        startDate: zonedToUtc(date, "00:00", timeZone),
        endDate: zonedToUtc(date, "23:59", timeZone),
        timeZone,
        venue: DEMO_EVENT.venue,
      },
    });
    const day = await tx.day.create({ data: { eventId: event.id, date } });
    const tracks: { id: string }[] = [];
    for (let i = 0; i < DEMO_EVENT.tracks; i++) {
      tracks.push(
        await tx.track.create({
          data: {
            eventId: event.id,
            name: `Track ${i + 1}`,
            room: `Room ${300 + i + 1}`,
            position: i,
            colour: TRACK_COLOURS[i % TRACK_COLOURS.length],
          },
        }),
      );
    }
    const talks = [
      {
        title: "환영사 및 기조 연설",
        startTime: "10:00",
        endTime: "12:00",
        trackIndex: null as number | null,
        speakers: ["염동훈", "Mike Clayville"],
        body: "",
      },
      ...plan.talks
        .filter((t) => t.startTime && t.endTime)
        .map((t, i) => ({ ...t, trackIndex: i % DEMO_EVENT.tracks, speakers: t.speakers ?? [] })),
    ];
    const ids = await insertAgendaTalks(
      tx,
      { eventId: event.id, dayId: day.id, date, timeZone },
      talks.map((t) => ({
        title: t.title,
        startTime: t.startTime!,
        endTime: t.endTime!,
        trackId: t.trackIndex === null ? null : tracks[t.trackIndex].id,
        speakers: t.speakers,
      })),
    );
    for (const [i, talk] of talks.entries()) {
      if (talk.body.trim()) {
        await tx.note.create({
          data: {
            authorId: member.id,
            eventId: event.id,
            talkId: ids[i],
            body: talk.body,
            revisions: { create: { authorId: member.id, version: 1, body: talk.body } },
          },
        });
      }
    }
  });
  return true;
}

const TRACK_COLOURS = ["#2563eb", "#16a34a", "#db2777", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#4f46e5"];

export async function seedDatabase(db: Db): Promise<string> {
  const accounts = await seedAccounts(db);
  const catalog = await seedCatalog(db);
  const event = await seedDemoEvent(db);
  if (!accounts && !catalog.created && !event) return "seed: nothing to do (demo data already present)";
  return [
    `seed: ${accounts} demo account(s), ${catalog.created} of ${catalog.total} AWS services added${event ? `, demo event ${DEMO_EVENT.name}` : ""}`,
    `      admin  ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}`,
    `      member ${DEMO_ACCOUNTS.member.email} / ${DEMO_ACCOUNTS.member.password}`,
  ].join("\n");
}

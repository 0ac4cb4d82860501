import { randomBytes } from "node:crypto";
import { e2eDb } from "./db";

/**
 * An event with two parallel talks at 13:00 (two tracks) and one talk at 14:00, straight into the
 * e2e database (the admin UI for this is tested in agenda.spec.ts).
 */
export async function createParallelEvent(label: string) {
  const db = e2eDb();
  const suffix = randomBytes(3).toString("hex");
  const slug = `${label}-${suffix}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  try {
    const event = await db.event.create({
      data: {
        name: `${label} ${suffix}`,
        slug,
        startDate: new Date("2024-05-16T00:00:00Z"),
        endDate: new Date("2024-05-16T00:00:00Z"),
        timeZone: "Asia/Seoul",
      },
    });
    const day = await db.day.create({ data: { eventId: event.id, date: "2024-05-16" } });
    const [t1, t2] = [
      await db.track.create({ data: { eventId: event.id, name: "Databases", position: 0 } }),
      await db.track.create({ data: { eventId: event.id, name: "Serverless", position: 1 } }),
    ];
    const at = (hhmm: string) => new Date(`2024-05-16T${hhmm}:00+09:00`);
    const s1 = await db.timeSlot.create({
      data: { eventId: event.id, dayId: day.id, startsAt: at("13:00"), endsAt: at("13:40") },
    });
    const s2 = await db.timeSlot.create({
      data: { eventId: event.id, dayId: day.id, startsAt: at("14:00"), endsAt: at("14:40") },
    });
    const talk = (title: string, trackId: string, slot: typeof s1) =>
      db.talk.create({
        data: { eventId: event.id, trackId, slotId: slot.id, title, startsAt: slot.startsAt, endsAt: slot.endsAt },
      });
    const dynamo = await talk("DynamoDB deep dive", t1.id, s1);
    const lambda = await talk("Lambda at scale", t2.id, s1);
    const later = await talk("S3 storage classes", t1.id, s2);
    return { id: event.id, slug, name: event.name, talks: { dynamo, lambda, later } };
  } finally {
    await db.$disconnect();
  }
}

/**
 * A 2-day event (Asia/Seoul, 2024-06-10 and 11) with two tracks. Day 1 has two talks starting
 * together but ending differently (10:30–11:00 and 10:30–11:10), then one at 11:30 in each track;
 * day 2 has one talk per track at 10:30 and 13:00.
 */
export async function createTwoDayEvent(label: string) {
  const db = e2eDb();
  const suffix = randomBytes(3).toString("hex");
  const slug = `${label}-${suffix}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  try {
    const event = await db.event.create({
      data: {
        name: `${label} ${suffix}`,
        slug,
        startDate: new Date("2024-06-10T00:00:00Z"),
        endDate: new Date("2024-06-11T00:00:00Z"),
        timeZone: "Asia/Seoul",
      },
    });
    const tracks = [
      await db.track.create({ data: { eventId: event.id, name: "Track A", room: "Room 1", position: 0 } }),
      await db.track.create({ data: { eventId: event.id, name: "Track B", room: "Room 2", position: 1 } }),
    ];
    const talks: Record<string, { id: string; title: string }> = {};
    for (const [date, rows] of [
      [
        "2024-06-10",
        [
          ["d1a", "Day one short talk", 0, "10:30", "11:00"],
          ["d1b", "Day one long talk", 1, "10:30", "11:10"],
          ["d1c", "Day one late A", 0, "11:30", "12:00"],
          ["d1d", "Day one late B", 1, "11:30", "12:00"],
        ],
      ],
      [
        "2024-06-11",
        [
          ["d2a", "Day two morning A", 0, "10:30", "11:00"],
          ["d2b", "Day two morning B", 1, "10:30", "11:00"],
          ["d2c", "Day two afternoon A", 0, "13:00", "13:40"],
        ],
      ],
    ] as const) {
      const day = await db.day.create({ data: { eventId: event.id, date } });
      for (const [key, title, track, from, to] of rows) {
        const startsAt = new Date(`${date}T${from}:00+09:00`);
        const endsAt = new Date(`${date}T${to}:00+09:00`);
        const slot = await db.timeSlot.upsert({
          where: { dayId_startsAt_endsAt: { dayId: day.id, startsAt, endsAt } },
          create: { eventId: event.id, dayId: day.id, startsAt, endsAt },
          update: {},
        });
        talks[key] = await db.talk.create({
          data: {
            eventId: event.id,
            trackId: tracks[track].id,
            slotId: slot.id,
            title: `${title} ${suffix}`,
            startsAt,
            endsAt,
          },
        });
      }
    }
    return { id: event.id, slug, name: event.name, talks, tracks };
  } finally {
    await db.$disconnect();
  }
}

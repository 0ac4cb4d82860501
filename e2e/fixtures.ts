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
      data: { name: `${label} ${suffix}`, slug, startDate: new Date("2024-05-16T00:00:00Z"), endDate: new Date("2024-05-16T00:00:00Z"), timeZone: "Asia/Seoul" },
    });
    const day = await db.day.create({ data: { eventId: event.id, date: "2024-05-16" } });
    const [t1, t2] = [
      await db.track.create({ data: { eventId: event.id, name: "Databases", position: 0 } }),
      await db.track.create({ data: { eventId: event.id, name: "Serverless", position: 1 } }),
    ];
    const at = (hhmm: string) => new Date(`2024-05-16T${hhmm}:00+09:00`);
    const s1 = await db.timeSlot.create({ data: { eventId: event.id, dayId: day.id, startsAt: at("13:00"), endsAt: at("13:40") } });
    const s2 = await db.timeSlot.create({ data: { eventId: event.id, dayId: day.id, startsAt: at("14:00"), endsAt: at("14:40") } });
    const talk = (title: string, trackId: string, slot: typeof s1) => db.talk.create({ data: { eventId: event.id, trackId, slotId: slot.id, title, startsAt: slot.startsAt, endsAt: slot.endsAt } });
    const dynamo = await talk("DynamoDB deep dive", t1.id, s1);
    const lambda = await talk("Lambda at scale", t2.id, s1);
    const later = await talk("S3 storage classes", t1.id, s2);
    return { id: event.id, slug, name: event.name, talks: { dynamo, lambda, later } };
  } finally {
    await db.$disconnect();
  }
}

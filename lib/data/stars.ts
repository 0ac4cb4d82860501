import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db-client";
import { AppError } from "../errors";

export async function setStar(db: Db, userId: string, talkId: string, starred: boolean) {
  const talk = await db.talk.findUnique({ where: { id: talkId }, select: { id: true } });
  if (!talk) throw new AppError("NOT_FOUND", "This talk no longer exists");
  if (starred) {
    await db.star.upsert({ where: { userId_talkId: { userId, talkId } }, create: { userId, talkId }, update: {} });
  } else {
    await db.star.deleteMany({ where: { userId, talkId } });
  }
}

export async function starredTalkIds(db: Db, userId: string, eventId?: string): Promise<string[]> {
  const stars = await db.star.findMany({
    where: { userId, ...(eventId ? { talk: { eventId } } : {}) },
    select: { talkId: true },
  });
  return stars.map((s) => s.talkId);
}

export async function myAgendaTalks(db: Db, userId: string) {
  const stars = await db.star.findMany({
    where: { userId },
    select: {
      talk: {
        select: {
          id: true,
          title: true,
          abstract: true,
          startsAt: true,
          endsAt: true,
          timeUnknown: true,
          track: { select: { name: true, room: true } },
          speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
          event: { select: { slug: true, name: true, timeZone: true, venue: true } },
        },
      },
    },
  });
  return stars.map((s) => s.talk).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new unguessable calendar-feed token; only its hash is stored, so creating one revokes the old. */
export async function rotateIcsToken(db: Db, userId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { icsToken: hashToken(token) } });
  return token;
}

export async function revokeIcsToken(db: Db, userId: string) {
  await db.user.update({ where: { id: userId }, data: { icsToken: null } });
}

export async function userByIcsToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  return db.user.findFirst({
    where: { icsToken: hashToken(token), disabledAt: null },
    select: { id: true, name: true },
  });
}

export async function hasIcsFeed(db: Db, userId: string) {
  return !!(await db.user.findUnique({ where: { id: userId }, select: { icsToken: true } }))?.icsToken;
}

import "server-only";
import type { Db } from "../db-client";
import { myAgendaTalks } from "../data/stars";
import { talksToIcs } from "./ics";

export async function myAgendaIcs(db: Db, userId: string, baseUrl: string): Promise<string> {
  const talks = await myAgendaTalks(db, userId);
  return talksToIcs(
    talks.map((t) => ({
      id: t.id,
      title: t.title,
      abstract: t.abstract,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      timeUnknown: t.timeUnknown,
      timeZone: t.event.timeZone,
      eventName: t.event.name,
      location: [t.track?.room, t.event.venue].filter(Boolean).join(", ") || null,
      speakers: t.speakers.map((s) => s.speaker.name),
      url: `${baseUrl}/events/${t.event.slug}/talks/${t.id}`,
    })),
    { name: "Summit Notes — My agenda" },
  );
}

export function icsResponse(body: string, fileName?: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...(fileName ? { "Content-Disposition": `attachment; filename="${fileName}"` } : {}),
    },
  });
}

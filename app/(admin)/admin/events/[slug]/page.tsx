import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteEventButton } from "@/components/admin/delete-event-button";
import { EventForm } from "@/components/admin/event-form";
import { TalkBoard } from "@/components/admin/talk-board";
import { TalkForm } from "@/components/admin/talk-form";
import { TrackEditor } from "@/components/admin/track-editor";
import { requireAdminPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventForEditing } from "@/lib/data/agenda-admin";
import { formatIsoDate, formatTime } from "@/lib/time/zoned";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Edit event" };

function eventDays(start: Date, end: Date, tz: string): string[] {
  const days: string[] = [];
  for (let t = start.getTime(); t <= end.getTime() && days.length < 32; t += 86400_000) {
    const d = formatIsoDate(new Date(t), tz);
    if (!days.includes(d)) days.push(d);
  }
  return days;
}

export default async function AdminEventPage({ params }: Props) {
  await requireAdminPage("/admin/events");
  const event = await getEventForEditing(db, (await params).slug);
  if (!event) notFound();
  const t = await getTranslations("admin");
  const tz = event.timeZone;
  const days = eventDays(event.startDate, event.endDate, tz);
  const tracks = event.tracks.map((tr) => ({
    id: tr.id,
    name: tr.name,
    room: tr.room,
    colour: tr.colour,
    position: tr.position,
    talkCount: tr._count.talks,
  }));
  const talks = event.talks.map((talk) => ({
    talkId: talk.id,
    title: talk.title,
    abstract: talk.abstract,
    date: formatIsoDate(talk.startsAt, tz),
    start: formatTime(talk.startsAt, tz),
    end: formatTime(talk.endsAt, tz),
    trackId: talk.trackId,
    speakers: talk.speakers.map((s) => s.speaker.name).join(", "),
    level: talk.level,
    noteCount: talk._count.notes,
  }));
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{event.name}</h1>
        <Link href={`/events/${event.slug}`} className="text-sm text-brand-700 underline">
          {t("viewAgenda")}
        </Link>
        {(["xml", "json", "ics"] as const).map((format) => (
          <a
            key={format}
            href={`/api/events/${event.slug}/export?format=${format}`}
            className="text-sm text-brand-700 underline"
          >
            {t("export")} {format.toUpperCase()}
          </a>
        ))}
        <div className="ml-auto">
          <DeleteEventButton eventId={event.id} name={event.name} noteCount={event._count.notes} />
        </div>
      </div>
      <section aria-labelledby="details-heading" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("editEvent")}
        </h2>
        <EventForm
          eventId={event.id}
          initial={{
            name: event.name,
            slug: event.slug,
            series: event.series ?? "",
            venue: event.venue ?? "",
            timeZone: tz,
            startDate: formatIsoDate(event.startDate, tz),
            endDate: formatIsoDate(event.endDate, tz),
          }}
        />
      </section>
      <TrackEditor eventId={event.id} tracks={tracks} />
      <section aria-labelledby="add-talk" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="add-talk" className="text-lg font-semibold">
          {t("addTalk")}
        </h2>
        <TalkForm eventId={event.id} days={days} tracks={tracks} />
      </section>
      <TalkBoard eventId={event.id} days={days} tracks={tracks} talks={talks} />
    </>
  );
}

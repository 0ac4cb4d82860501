import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaView } from "@/components/events/agenda-view";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cachedAgendaView } from "@/lib/data/agenda-cache";
import { starredTalkIds } from "@/lib/data/stars";
import { pinnedNowIso } from "@/lib/time/clock";

type Props = { params: Promise<{ slug: string }> };

// The grid (the same for everyone per event and language) comes built from a cache an admin's
// edit empties at once (lib/data/agenda-cache.ts); only the visitor's stars are read per request.
const agendaFor = cache(async (slug: string) => cachedAgendaView(db, slug, await getLocale()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await agendaFor((await params).slug);
  return { title: event?.name ?? "Event" };
}

export default async function EventPage({ params }: Props) {
  const event = await agendaFor((await params).slug);
  if (!event) notFound();
  const [t, user] = await Promise.all([getTranslations("event"), getCurrentUser()]);
  const starred = user ? await starredTalkIds(db, user.id, event.id) : [];
  const days = event.days;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end gap-x-4 gap-y-1">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-bold">{event.name}</h1>
          <p className="text-sm text-slate-600">
            {event.startLabel}
            {days.length > 1 ? ` – ${days[days.length - 1]!.label}` : ""}
            {event.venue ? ` · ${event.venue}` : ""}
          </p>
          <p className="text-xs text-slate-500">{t("timesIn", { timeZone: event.timeZone })}</p>
        </div>
        {user ? (
          <span className="ml-auto flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
            <Link
              href={`/events/${event.slug}/notes`}
              className="text-brand-700 underline"
              data-testid="event-notes-link"
            >
              {t("eventNotes")}
            </Link>
            <Link href="/my-agenda" className="text-brand-700 underline">
              {t("myAgenda")}
            </Link>
          </span>
        ) : null}
      </header>
      {event.talkCount === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("noTalks")}</p>
      ) : (
        <AgendaView
          eventSlug={event.slug}
          days={days}
          tracks={event.tracks}
          starred={starred}
          canStar={!!user}
          pinnedNow={pinnedNowIso()}
          timeZone={event.timeZone}
        />
      )}
    </div>
  );
}

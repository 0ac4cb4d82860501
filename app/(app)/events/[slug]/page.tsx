import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaGrid } from "@/components/events/agenda-grid";
import { db } from "@/lib/db";
import { getEventAgenda } from "@/lib/data/events";
import { formatLongDate } from "@/lib/time/zoned";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getEventAgenda(db, (await params).slug);
  return { title: event?.name ?? "Event" };
}

export default async function EventPage({ params }: Props) {
  const event = await getEventAgenda(db, (await params).slug);
  if (!event) notFound();
  const [t, locale] = await Promise.all([getTranslations("event"), getLocale()]);
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{event.name}</h1>
        <p className="text-sm text-slate-600">
          {formatLongDate(event.startDate, event.timeZone, locale)}
          {event.venue ? ` · ${event.venue}` : ""}
        </p>
        <p className="text-xs text-slate-500">{t("timesIn", { timeZone: event.timeZone })}</p>
      </header>
      {event.talks.length === 0 ? <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("noTalks")}</p> : <AgendaGrid event={event} />}
    </div>
  );
}

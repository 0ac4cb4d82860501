import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventNoteEditor } from "@/components/notes/event-note-editor";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventAgenda } from "@/lib/data/events";
import { pinnedNowIso } from "@/lib/time/clock";

export const metadata: Metadata = { title: "New event note" };

export default async function NewEventNotePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUserOrRedirect(`/events/${slug}/notes/new`);
  const event = await getEventAgenda(db, slug);
  if (!event) notFound();
  const t = await getTranslations("notes");
  return (
    <div className="flex flex-col gap-3">
      <Link href={`/events/${slug}/notes`} className="text-sm text-brand-700 underline">
        ← {event.name}
      </Link>
      <h1 className="text-xl font-bold">{t("eventNote")}</h1>
      <EventNoteEditor
        slug={slug}
        userId={user.id}
        eventId={event.id}
        timeZone={event.timeZone}
        server={null}
        tags={[]}
        pinnedNow={pinnedNowIso()}
      />
    </div>
  );
}

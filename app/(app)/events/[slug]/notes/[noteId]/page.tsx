import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventNoteEditor } from "@/components/notes/event-note-editor";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventAgenda } from "@/lib/data/events";
import { getOwnNote } from "@/lib/data/notes";
import { getNoteSharing } from "@/lib/data/team-notes";
import { NoteSharing } from "@/components/notes/note-sharing";
import { pinnedNowIso } from "@/lib/time/clock";

export const metadata: Metadata = { title: "Event note" };

export default async function EventNotePage({ params }: { params: Promise<{ slug: string; noteId: string }> }) {
  const { slug, noteId } = await params;
  const user = await requireUserOrRedirect(`/events/${slug}/notes/${noteId}`);
  const [event, note] = await Promise.all([getEventAgenda(db, slug), getOwnNote(db, user.id, noteId)]);
  if (!event || !note || note.eventId !== event.id || note.talkId) notFound();
  const [t, sharing] = await Promise.all([getTranslations("notes"), getNoteSharing(db, user.id, note.id)]);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex gap-3">
        <Link href={`/events/${slug}/notes`} className="text-sm text-brand-700 underline">
          ← {event.name}
        </Link>
        <a
          href={`/api/notes/${note.id}/markdown`}
          download
          className="ml-auto text-sm text-brand-700 underline"
          data-testid="note-markdown"
        >
          {t("downloadMarkdown")}
        </a>
        <Link href={`/notes/${note.id}/history`} className="text-sm text-brand-700 underline">
          {t("history")}
        </Link>
      </div>
      <h1 className="text-xl font-bold">{t("eventNote")}</h1>
      <EventNoteEditor
        slug={slug}
        userId={user.id}
        eventId={event.id}
        timeZone={event.timeZone}
        server={{ noteId: note.id, body: note.body, version: note.version }}
        tags={note.tags}
        pinnedNow={pinnedNowIso()}
      />
      {sharing ? <NoteSharing noteId={note.id} initial={sharing} teams={sharing.teams} /> : null}
    </div>
  );
}

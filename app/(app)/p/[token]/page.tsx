import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { db } from "@/lib/db";
import { getPublicNote } from "@/lib/data/team-notes";
import { formatLongDate, formatTimeRange } from "@/lib/time/zoned";

// A shared link must not be indexed or leak through the Referer of links inside the note.
export const metadata: Metadata = {
  title: "Shared note",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function PublicNotePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const note = await getPublicNote(db, token);
  if (!note) notFound();
  const [t, locale] = await Promise.all([getTranslations("publicNote"), getLocale()]);
  const tz = note.event.timeZone;
  return (
    <article className="mx-auto flex w-full max-w-3xl flex-col gap-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("readOnly")}</p>
      <Link href={`/events/${note.event.slug}`} className="text-sm text-brand-700 underline">
        {note.event.name}
      </Link>
      <h1 className="text-2xl font-bold">{note.talk?.title ?? t("eventNote")}</h1>
      <p className="text-sm text-slate-600">
        {t("by", { name: note.author.name })}
        {note.talk
          ? ` · ${formatLongDate(note.talk.startsAt, tz, locale)} ${formatTimeRange(note.talk.startsAt, note.talk.endsAt, tz)}`
          : ""}
      </p>
      <div className="rounded-xl bg-white p-4 shadow-sm" data-testid="public-note-body">
        <MarkdownPreview source={note.body} />
      </div>
    </article>
  );
}

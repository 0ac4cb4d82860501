import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEventAgenda } from "@/lib/data/events";
import { listOwnEventNotes } from "@/lib/data/notes";

export const metadata: Metadata = { title: "Event notes" };

export default async function EventNotesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUserOrRedirect(`/events/${slug}/notes`);
  const event = await getEventAgenda(db, slug);
  if (!event) notFound();
  const [notes, t] = await Promise.all([listOwnEventNotes(db, user.id, event.id), getTranslations("notes")]);
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/events/${slug}`} className="text-sm text-brand-700 underline">
        ← {event.name}
      </Link>
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-bold">{t("eventNotes")}</h1>
        <Link
          href={`/events/${slug}/notes/new`}
          className="ml-auto rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white"
        >
          {t("newEventNote")}
        </Link>
      </div>
      {notes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {t("noEventNotes")}
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {notes.map((n) => (
            <li key={n.id}>
              <Link
                href={`/events/${slug}/notes/${n.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-500"
              >
                <span className="line-clamp-2 text-sm whitespace-pre-line">{n.body.slice(0, 200) || "…"}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

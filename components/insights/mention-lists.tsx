import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { LinkedNote } from "@/lib/data/insights";
import type { TalkHit } from "@/lib/search/types";
import { Highlighted } from "./highlighted";

/** Talks with highlighted titles and abstract excerpts, linked to the talk page. */
export async function TalkHits({
  talks,
  testId,
  showEvent = false,
}: {
  talks: TalkHit[];
  testId?: string;
  showEvent?: boolean;
}) {
  const t = await getTranslations("insights");
  return (
    <ul className="flex flex-col gap-2" data-testid={testId}>
      {talks.map((talk) => (
        <li key={talk.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-testid="talk-hit">
          <Link
            href={`/events/${talk.eventSlug}/talks/${talk.id}`}
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            <Highlighted text={talk.title} ranges={talk.titleHighlights} />
          </Link>
          {showEvent ? <span className="text-sm text-slate-500"> · {talk.eventName}</span> : null}
          {talk.snippet.text ? (
            <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-700">
              <Highlighted text={talk.snippet.text} ranges={talk.snippet.highlights} />
            </p>
          ) : null}
          {talk.speakers.length ? (
            <p className="mt-1 text-xs text-slate-500">{t("speakers", { names: talk.speakers.join(", ") })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Notes with highlighted excerpts, linked to the note (own) or its talk (team notes). */
export async function NoteHits({
  notes,
  testId,
  showEvent = false,
}: {
  notes: LinkedNote[];
  testId?: string;
  showEvent?: boolean;
}) {
  const t = await getTranslations("insights");
  return (
    <ul className="flex flex-col gap-2" data-testid={testId}>
      {notes.map((note) => (
        <li
          key={note.id}
          className="min-w-0 rounded-lg border border-slate-200 bg-white p-3"
          data-testid="note-hit"
          data-note-id={note.id}
        >
          <Link href={note.href} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
            {note.talkTitle ?? t("eventNote")}
            {showEvent ? <span className="font-normal text-slate-500"> · {note.eventName}</span> : null}
          </Link>
          <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-800">
            <Highlighted text={note.snippet.text} ranges={note.snippet.highlights} />
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {note.isOwn ? t("yourNote") : t("byAuthor", { name: note.authorName })}
          </p>
        </li>
      ))}
    </ul>
  );
}

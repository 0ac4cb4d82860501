import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TalkNoteWorkspace } from "@/components/notes/talk-note-workspace";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findOwnTalkNoteId, getOwnNote } from "@/lib/data/notes";
import { getNoteSharing, shareableTeams } from "@/lib/data/team-notes";
import { getTalkDetail } from "@/lib/data/talks";
import { talkDraftKey } from "@/lib/notes/draft-keys";
import { pinnedNowIso } from "@/lib/time/clock";
import { formatTimeRange } from "@/lib/time/zoned";

type Props = { params: Promise<{ slug: string; talkId: string }> };

export const metadata: Metadata = { title: "Note" };

export default async function TalkNotePage({ params }: Props) {
  const { slug, talkId } = await params;
  const user = await requireUserOrRedirect(`/events/${slug}/talks/${talkId}/note`);
  const talk = await getTalkDetail(db, slug, talkId, user.id);
  if (!talk) notFound();
  const noteId = await findOwnTalkNoteId(db, user.id, talk.id);
  const note = noteId ? await getOwnNote(db, user.id, noteId) : null;
  const [t, sharing, teams] = await Promise.all([
    getTranslations("notes"),
    note ? getNoteSharing(db, user.id, note.id) : null,
    shareableTeams(db, user.id),
  ]);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href={`/events/${slug}/talks/${talk.id}`} className="text-sm text-brand-700 underline">
          ← {talk.event.name}
        </Link>
        {note ? (
          <span className="ml-auto flex gap-3 text-sm">
            <a
              href={`/api/notes/${note.id}/markdown`}
              download
              className="text-brand-700 underline"
              data-testid="note-markdown"
            >
              {t("downloadMarkdown")}
            </a>
            <Link href={`/notes/${note.id}/history`} className="text-brand-700 underline">
              {t("history")}
            </Link>
          </span>
        ) : null}
      </div>
      <h1 className="text-xl font-bold">
        {talk.title}{" "}
        <span className="font-mono text-sm font-normal text-slate-600">
          {formatTimeRange(talk.startsAt, talk.endsAt, talk.event.timeZone)} · {talk.track?.name ?? ""}
        </span>
      </h1>
      <TalkNoteWorkspace
        sharing={sharing ?? { visibility: "PRIVATE", teamIds: [], publicToken: null }}
        teams={teams}
        userId={user.id}
        eventId={talk.event.id}
        talkId={talk.id}
        draftKey={talkDraftKey(user.id, talk.id)}
        server={note ? { noteId: note.id, body: note.body, version: note.version } : null}
        tags={note?.tags ?? []}
        timeZone={talk.event.timeZone}
        talkStartsAt={talk.startsAt.toISOString()}
        talkEndsAt={talk.endsAt.toISOString()}
        pinnedNow={pinnedNowIso()}
      />
    </div>
  );
}

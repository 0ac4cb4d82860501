import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { CommentThread, type CommentView } from "@/components/teams/comment-thread";
import { ReviewedToggle } from "@/components/teams/reviewed-toggle";
import { TeamEventNav } from "@/components/teams/team-event-nav";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { can, roleInTeam } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import type { CommentNode } from "@/lib/data/team-notes";
import { teamReview, type ReviewNote } from "@/lib/data/team-review";
import { getTeamEventContext } from "@/lib/data/teams";
import { formatLongDate, formatTimeRange } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Team review" };

type Props = { params: Promise<{ teamId: string; slug: string }> };

const toView = (c: CommentNode): CommentView => ({
  ...c,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  replies: c.replies.map(toView),
});

function NoteCard({
  note,
  myId,
  canComment,
  label,
  timeZone,
}: {
  note: ReviewNote;
  myId: string;
  canComment: boolean;
  label: string;
  timeZone: string;
}) {
  return (
    <article
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="review-note"
      data-note-id={note.id}
      aria-label={label}
    >
      <h4 className="text-sm font-semibold text-brand-700" data-testid="review-note-author">
        {note.author.name}
      </h4>
      <div className="text-sm" data-testid="review-note-body">
        <MarkdownPreview source={note.body} />
      </div>
      <CommentThread
        noteId={note.id}
        comments={note.comments.map(toView)}
        myId={myId}
        canComment={canComment}
        timeZone={timeZone}
      />
    </article>
  );
}

export default async function TeamReviewPage({ params }: Props) {
  const { teamId, slug } = await params;
  const user = await requireUserOrRedirect(`/teams/${teamId}/events/${slug}/review`);
  const ctx = await getTeamEventContext(db, user.id, teamId, slug);
  if (!ctx) notFound();
  const [review, t, locale] = await Promise.all([
    teamReview(db, user.id, teamId, ctx.event.id),
    getTranslations("teams"),
    getLocale(),
  ]);
  const role = roleInTeam(ctx.team.myRole);
  const canComment = can(role, "note.comment");
  const canMark = can(role, "talk.markReviewed");
  const tz = ctx.event.timeZone;
  const empty = review.days.length === 0 && review.eventNotes.length === 0;
  return (
    <div className="flex flex-col gap-4">
      <TeamEventNav team={ctx.team} slug={slug} current="review" />
      <h1 className="text-2xl font-bold">{t("reviewTitle", { event: ctx.event.name })}</h1>
      <p className="text-sm text-slate-600">{t("reviewHelp")}</p>
      {empty ? (
        <p
          className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600"
          data-testid="review-empty"
        >
          {t("reviewEmpty")}
        </p>
      ) : null}
      {review.days.map((day) => (
        <section key={day.date} aria-labelledby={`review-${day.date}`} className="flex flex-col gap-4">
          <h2 id={`review-${day.date}`} className="text-lg font-semibold">
            {formatLongDate(day.slots[0]!.startsAt, tz, locale)}
          </h2>
          {day.slots.map((slot) => (
            <div key={slot.startsAt.toISOString()} className="flex flex-col gap-3" data-testid="review-slot">
              <p className="font-mono text-sm text-slate-700">{formatTimeRange(slot.startsAt, slot.endsAt, tz)}</p>
              {slot.talks.map((talk) => (
                <section
                  key={talk.id}
                  aria-labelledby={`talk-${talk.id}`}
                  className="flex flex-col gap-2 rounded-xl bg-slate-100 p-3"
                  data-testid="review-talk"
                  data-talk-id={talk.id}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 id={`talk-${talk.id}`} className="min-w-0 flex-1 font-semibold">
                      <span className="mr-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                        {talk.track?.name ?? t("plenary")}
                      </span>
                      <Link href={`/events/${slug}/talks/${talk.id}`} className="hover:underline">
                        {talk.title}
                      </Link>
                    </h3>
                    {canMark ? (
                      <ReviewedToggle
                        teamId={teamId}
                        talkId={talk.id}
                        talkTitle={talk.title}
                        reviewed={talk.isReviewed}
                      />
                    ) : talk.isReviewed ? (
                      <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">
                        ✓ {t("reviewed")}
                      </span>
                    ) : null}
                  </div>
                  <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
                    {talk.notes.map((note) => (
                      <NoteCard
                        key={note.id}
                        note={note}
                        myId={user.id}
                        canComment={canComment}
                        label={t("noteBy", { name: note.author.name })}
                        timeZone={tz}
                      />
                    ))}
                  </div>
                </section>
              ))}
            </div>
          ))}
        </section>
      ))}
      {review.eventNotes.length ? (
        <section aria-labelledby="event-notes" className="flex flex-col gap-3">
          <h2 id="event-notes" className="text-lg font-semibold">
            {t("eventNotes")}
          </h2>
          <div className="grid gap-3 md:grid-cols-2">
            {review.eventNotes.map((note) => (
              <NoteCard
                key={note.id}
                note={note}
                myId={user.id}
                canComment={canComment}
                label={t("noteBy", { name: note.author.name })}
                timeZone={tz}
              />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StarButton } from "@/components/events/star-button";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getTalkDetail } from "@/lib/data/talks";
import { formatLongDate, formatTimeRange } from "@/lib/time/zoned";

type Props = { params: Promise<{ slug: string; talkId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, talkId } = await params;
  const talk = await getTalkDetail(db, slug, talkId, null);
  return { title: talk?.title ?? "Talk" };
}

export default async function TalkPage({ params }: Props) {
  const { slug, talkId } = await params;
  const user = await getCurrentUser();
  const talk = await getTalkDetail(db, slug, talkId, user?.id ?? null);
  if (!talk) notFound();
  const [t, locale] = await Promise.all([getTranslations("talk"), getLocale()]);
  const tz = talk.event.timeZone;
  const noteHref = `/events/${slug}/talks/${talk.id}/note`;
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <Link href={`/events/${slug}`} className="text-sm text-brand-700 underline">
        ← {t("back")} · {talk.event.name}
      </Link>
      <header className="flex items-start gap-2">
        <h1 className="flex-1 text-2xl font-bold">{talk.title}</h1>
        {user ? <StarButton talkId={talk.id} title={talk.title} initiallyStarred={talk.isStarred} /> : null}
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-xl bg-white p-4 text-sm shadow-sm">
        <dt className="font-medium text-slate-600">{t("time")}</dt>
        <dd>
          {formatLongDate(talk.startsAt, tz, locale)} ·{" "}
          {talk.timeUnknown ? (
            t("timeUnknown")
          ) : (
            <>
              <span className="font-mono">{formatTimeRange(talk.startsAt, talk.endsAt, tz)}</span> ({tz})
            </>
          )}
        </dd>
        <dt className="font-medium text-slate-600">{t("track")}</dt>
        <dd>{talk.track ? talk.track.name : t("plenary")}</dd>
        {talk.track?.room ? (
          <>
            <dt className="font-medium text-slate-600">{t("room")}</dt>
            <dd>{talk.track.room}</dd>
          </>
        ) : null}
        {talk.speakers.length ? (
          <>
            <dt className="font-medium text-slate-600">{t("speakers")}</dt>
            <dd>
              {talk.speakers
                .map((s) => s.speaker.name + (s.speaker.organisation ? ` (${s.speaker.organisation})` : ""))
                .join(", ")}
            </dd>
          </>
        ) : null}
        {talk.level ? (
          <>
            <dt className="font-medium text-slate-600">{t("level")}</dt>
            <dd>{talk.level}</dd>
          </>
        ) : null}
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        {user ? (
          <Link
            href={noteHref}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            data-testid="note-link"
          >
            {talk.myNoteId ? t("openMyNote") : t("takeNotes")}
          </Link>
        ) : (
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(noteHref)}`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
          >
            {t("signInToNote")}
          </Link>
        )}
        {user ? <span className="text-sm text-slate-600">{t("teamNotes", { count: talk.teamNoteCount })}</span> : null}
      </div>
      <section className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold">{t("abstract")}</h2>
        {talk.abstract ? (
          <p className="whitespace-pre-line text-slate-800">{talk.abstract}</p>
        ) : (
          <p className="text-slate-500">{t("noAbstract")}</p>
        )}
      </section>
    </article>
  );
}

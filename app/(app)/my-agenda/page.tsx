import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { IcsFeedControls } from "@/components/agenda/ics-feed-controls";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { hasIcsFeed, myAgendaTalks } from "@/lib/data/stars";
import { formatLongDate, formatTimeRange } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "My agenda" };

export default async function MyAgendaPage() {
  const user = await requireUserOrRedirect("/my-agenda");
  const [talks, feed, t, locale] = await Promise.all([
    myAgendaTalks(db, user.id),
    hasIcsFeed(db, user.id),
    getTranslations("myAgenda"),
    getLocale(),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {talks.length ? (
          <a
            href="/api/me/agenda.ics"
            download
            className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold"
            data-testid="download-ics"
          >
            {t("download")}
          </a>
        ) : null}
      </div>
      {talks.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="my-agenda-list">
          {talks.map((talk) => (
            <li key={talk.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-xs text-slate-600">
                {talk.event.name} · {formatLongDate(talk.startsAt, talk.event.timeZone, locale)} ·{" "}
                <span className="font-mono">{formatTimeRange(talk.startsAt, talk.endsAt, talk.event.timeZone)}</span>
                {talk.track ? ` · ${talk.track.name}` : ""}
              </p>
              <Link href={`/events/${talk.event.slug}/talks/${talk.id}`} className="font-semibold hover:underline">
                {talk.title}
              </Link>
            </li>
          ))}
        </ol>
      )}
      <IcsFeedControls hasFeed={feed} />
    </div>
  );
}

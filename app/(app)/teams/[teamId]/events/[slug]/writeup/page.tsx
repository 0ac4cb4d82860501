import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TeamEventNav } from "@/components/teams/team-event-nav";
import { WriteupEditor } from "@/components/teams/writeup-editor";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { can, roleInTeam } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { getWriteup } from "@/lib/data/team-review";
import { getTeamEventContext } from "@/lib/data/teams";
import { formatTimeRange } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Team write-up" };

type Props = { params: Promise<{ teamId: string; slug: string }>; searchParams: Promise<{ talk?: string | string[] }> };

export default async function TeamWriteupPage({ params, searchParams }: Props) {
  const { teamId, slug } = await params;
  const talkParam = (await searchParams).talk;
  const user = await requireUserOrRedirect(`/teams/${teamId}/events/${slug}/writeup`);
  const ctx = await getTeamEventContext(db, user.id, teamId, slug);
  if (!ctx) notFound();
  const talks = await db.talk.findMany({
    where: { eventId: ctx.event.id },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, startsAt: true, endsAt: true },
  });
  const talkId = typeof talkParam === "string" && talks.some((x) => x.id === talkParam) ? talkParam : null;
  const [saved, t] = await Promise.all([
    getWriteup(db, user.id, teamId, ctx.event.id, talkId),
    getTranslations("teams"),
  ]);
  const canEdit = can(roleInTeam(ctx.team.myRole), "writeup.edit");
  return (
    <div className="flex flex-col gap-4">
      <TeamEventNav team={ctx.team} slug={slug} current="writeup" />
      <h1 className="text-2xl font-bold">{t("writeupTitle", { event: ctx.event.name })}</h1>
      <p className="text-sm text-slate-600">{t("writeupHelp")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label htmlFor="writeup-scope" className="flex flex-col text-sm font-medium">
          {t("scope")}
          <select
            id="writeup-scope"
            name="talk"
            defaultValue={talkId ?? ""}
            className="max-w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          >
            <option value="">{t("scopeEvent")}</option>
            {talks.map((x) => (
              <option key={x.id} value={x.id}>
                {formatTimeRange(x.startsAt, x.endsAt, ctx.event.timeZone)} {x.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold">
          OK
        </button>
      </form>
      <WriteupEditor
        key={talkId ?? "event"}
        teamId={teamId}
        eventId={ctx.event.id}
        talkId={talkId}
        canEdit={canEdit}
        timeZone={ctx.event.timeZone}
        saved={saved ? { body: saved.body, updatedAt: saved.updatedAt.toISOString() } : null}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { InvitePanel } from "@/components/teams/invite-panel";
import { TeamMembers } from "@/components/teams/team-members";
import { TeamSettings } from "@/components/teams/team-settings";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { can, roleInTeam } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/data/events";
import { getTeamForMember } from "@/lib/data/teams";
import { formatLongDate } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUserOrRedirect(`/teams/${teamId}`);
  const team = await getTeamForMember(db, user.id, teamId);
  if (!team) notFound();
  const [events, t, locale] = await Promise.all([listEvents(db), getTranslations("teams"), getLocale()]);
  const role = roleInTeam(team.myRole);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline gap-3">
        <Link href="/teams" className="text-sm text-brand-700 underline">
          ← {t("title")}
        </Link>
        <h1 className="w-full text-2xl font-bold" data-testid="team-name">
          {team.name}
        </h1>
        <p className="text-sm text-slate-600">{t("yourRole", { role: t(`roles.${team.myRole}`) })}</p>
      </div>
      <section aria-labelledby="events-heading" className="flex flex-col gap-2">
        <h2 id="events-heading" className="text-lg font-semibold">
          {t("events")}
        </h2>
        {events.length === 0 ? (
          <p className="text-slate-600">{t("noEvents")}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="team-events">
            {events.map((e) => (
              <li
                key={e.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-3"
              >
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold">{e.name}</span>
                  <span className="text-xs text-slate-600">{formatLongDate(e.startDate, e.timeZone, locale)}</span>
                </span>
                <Link
                  className="text-sm font-semibold text-brand-700 underline"
                  href={`/teams/${team.id}/events/${e.slug}/plan`}
                >
                  {t("plan")}
                </Link>
                <Link
                  className="text-sm font-semibold text-brand-700 underline"
                  href={`/teams/${team.id}/events/${e.slug}/review`}
                >
                  {t("review")}
                </Link>
                <Link
                  className="text-sm font-semibold text-brand-700 underline"
                  href={`/teams/${team.id}/events/${e.slug}/writeup`}
                >
                  {t("writeup")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TeamMembers
        teamId={team.id}
        teamName={team.name}
        myId={user.id}
        myRole={team.myRole}
        members={team.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
      />
      {can(role, "team.invite") ? <InvitePanel teamId={team.id} /> : null}
      {can(role, "team.rename") ? <TeamSettings teamId={team.id} name={team.name} /> : null}
    </div>
  );
}

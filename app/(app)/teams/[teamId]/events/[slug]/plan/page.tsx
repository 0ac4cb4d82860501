import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClaimButton } from "@/components/teams/claim-button";
import { TeamEventNav } from "@/components/teams/team-event-nav";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { can, roleInTeam } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { coveragePlan } from "@/lib/data/team-review";
import { getTeamEventContext } from "@/lib/data/teams";
import { formatLongDate, formatTimeRange } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Coverage plan" };

type Props = { params: Promise<{ teamId: string; slug: string }> };

export default async function CoveragePlanPage({ params }: Props) {
  const { teamId, slug } = await params;
  const user = await requireUserOrRedirect(`/teams/${teamId}/events/${slug}/plan`);
  const ctx = await getTeamEventContext(db, user.id, teamId, slug);
  if (!ctx) notFound();
  const [plan, t, locale] = await Promise.all([
    coveragePlan(db, user.id, teamId, ctx.event.id),
    getTranslations("teams"),
    getLocale(),
  ]);
  const canClaim = can(roleInTeam(ctx.team.myRole), "talk.claim");
  const uncovered = new Set(plan.uncoveredSlots.map((s) => `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`));
  const days = [...new Set(plan.slots.map((s) => s.day))];
  return (
    <div className="flex flex-col gap-4">
      <TeamEventNav team={ctx.team} slug={slug} current="plan" />
      <h1 className="text-2xl font-bold">{t("planTitle", { event: ctx.event.name })}</h1>
      <p className="text-sm text-slate-600">{t("planHelp")}</p>
      <div className="flex flex-wrap gap-2 text-sm" data-testid="coverage-summary">
        <span
          className={`rounded-full px-3 py-1 font-semibold ${plan.uncoveredSlots.length ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}
          data-testid="uncovered-count"
        >
          {t("uncovered", { count: plan.uncoveredSlots.length })}
        </span>
        <span
          className={`rounded-full px-3 py-1 font-semibold ${plan.doubleCovered.length ? "bg-sky-100 text-sky-900" : "bg-slate-100 text-slate-700"}`}
          data-testid="double-count"
        >
          {t("double", { count: plan.doubleCovered.length })}
        </span>
      </div>
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`} className="flex flex-col gap-3">
          <h2 id={`day-${day}`} className="text-lg font-semibold">
            {formatLongDate(plan.slots.find((s) => s.day === day)!.startsAt, ctx.event.timeZone, locale)}
          </h2>
          {plan.slots
            .filter((s) => s.day === day)
            .map((slot) => {
              const key = `${slot.startsAt.toISOString()}/${slot.endsAt.toISOString()}`;
              const isUncovered = uncovered.has(key);
              return (
                <div
                  key={key}
                  className={`rounded-xl border bg-white p-3 ${isUncovered ? "border-amber-400" : "border-slate-200"}`}
                  data-testid="coverage-slot"
                  data-uncovered={isUncovered ? "true" : "false"}
                >
                  <p className="mb-2 flex flex-wrap items-center gap-2 font-mono text-sm text-slate-700">
                    {formatTimeRange(slot.startsAt, slot.endsAt, ctx.event.timeZone)}
                    {isUncovered ? (
                      <span className="rounded bg-amber-100 px-2 py-0.5 font-sans text-xs font-semibold text-amber-900">
                        {t("uncoveredSlot")}
                      </span>
                    ) : null}
                  </p>
                  <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                    {slot.talks.map((talk) => {
                      const mine = talk.claimers.some((c) => c.id === user.id);
                      return (
                        <li
                          key={talk.id}
                          className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3"
                          data-testid="coverage-talk"
                          data-talk-id={talk.id}
                        >
                          <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                            {talk.track?.name ?? t("plenary")}
                          </span>
                          <Link href={`/events/${slug}/talks/${talk.id}`} className="font-semibold hover:underline">
                            {talk.title}
                          </Link>
                          <p className="text-sm text-slate-700" data-testid="claimers">
                            {talk.claimers.length ? (
                              talk.claimers.map((c) => c.name).join(", ")
                            ) : (
                              <span className="text-slate-500">{t("nobody")}</span>
                            )}
                            {talk.claimers.length > 1 ? (
                              <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900">
                                {t("doubleBadge", { count: talk.claimers.length })}
                              </span>
                            ) : null}
                          </p>
                          {canClaim ? (
                            <ClaimButton teamId={teamId} talkId={talk.id} talkTitle={talk.title} claimed={mine} />
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
        </section>
      ))}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMyTeams } from "@/lib/data/teams";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await requireUserOrRedirect("/teams");
  const [teams, t] = await Promise.all([listMyTeams(db, user.id), getTranslations("teams")]);
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {teams.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="team-list">
          {teams.map((team) => (
            <li key={team.id}>
              <Link
                href={`/teams/${team.id}`}
                className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600"
              >
                <span className="font-semibold">{team.name}</span>
                <span className="text-sm text-slate-600">
                  {t("members", { count: team.memberCount })} · {t(`roles.${team.myRole}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <CreateTeamForm />
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Back to the team, and tabs between an event's plan, review and write-up. */
export async function TeamEventNav({
  team,
  slug,
  current,
}: {
  team: { id: string; name: string };
  slug: string;
  current: "plan" | "review" | "writeup";
}) {
  const t = await getTranslations("teams");
  const tabs = ["plan", "review", "writeup"] as const;
  return (
    <nav aria-label={team.name} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <Link href={`/teams/${team.id}`} className="text-brand-700 underline">
        {t("back", { team: team.name })}
      </Link>
      <span className="ml-auto flex gap-1 rounded-lg bg-slate-100 p-1">
        {tabs.map((tab) => (
          <Link
            key={tab}
            href={`/teams/${team.id}/events/${slug}/${tab}`}
            aria-current={tab === current ? "page" : undefined}
            className={`rounded-md px-3 py-1 font-semibold ${tab === current ? "bg-white shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
          >
            {t(tab)}
          </Link>
        ))}
      </span>
    </nav>
  );
}

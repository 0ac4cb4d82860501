import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WriteupText } from "@/components/writeups/writeup-actions";
import { db } from "@/lib/db";
import { listActorTeams } from "@/lib/data/writeup-export";
import { loadEventWriteup } from "./load-writeup";

export const metadata: Metadata = { title: "Export write-up" };

type Search = Promise<{ flavour?: string; team?: string }>;

export default async function EventWriteupPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Search;
}) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, options, post } = await loadEventWriteup(slug, search, `/events/${slug}/writeup`);
  const [teams, t] = await Promise.all([listActorTeams(db, user.id), getTranslations("writeupExport")]);
  if (!post)
    return (
      <p role="alert" className="rounded-xl bg-white p-6 text-slate-700" data-testid="writeup-refused">
        {t("tooComplex")}
      </p>
    );
  const query = (over: { flavour?: string; team?: string | null }) => {
    const q = new URLSearchParams();
    q.set("flavour", over.flavour ?? options.flavour);
    const team = over.team === undefined ? options.teamId : over.team;
    if (team) q.set("team", team);
    return q.toString();
  };
  const pill = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm font-medium ${active ? "bg-brand-600 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`;
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/events/${slug}`} className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{t("title", { name: post.event.name })}</h1>
        <p className="text-sm text-slate-600">{t("hint")}</p>
      </div>
      <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
        <nav aria-label={t("flavour")} className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{t("flavour")}</span>
          {(["jekyll", "hugo"] as const).map((f) => (
            <Link
              key={f}
              href={`/events/${slug}/writeup?${query({ flavour: f })}`}
              className={pill(options.flavour === f)}
              aria-current={options.flavour === f ? "page" : undefined}
            >
              {f === "jekyll" ? "Jekyll" : "Hugo"}
            </Link>
          ))}
        </nav>
        {teams.length > 0 ? (
          <nav aria-label={t("source")} className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium">{t("source")}</span>
            <Link
              href={`/events/${slug}/writeup?${query({ team: null })}`}
              className={pill(!options.teamId)}
              aria-current={!options.teamId ? "page" : undefined}
            >
              {t("mine")}
            </Link>
            {teams.map((team) => (
              <Link
                key={team.id}
                href={`/events/${slug}/writeup?${query({ team: team.id })}`}
                className={pill(options.teamId === team.id)}
                aria-current={options.teamId === team.id ? "page" : undefined}
              >
                {t("team", { name: team.name })}
              </Link>
            ))}
          </nav>
        ) : null}
        <p className="text-sm text-slate-600">{t("counts", { notes: post.noteCount, talks: post.talkCount })}</p>
        {post.noteCount === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">{t("empty")}</p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/events/${slug}/writeup?${query({})}&locale=${options.locale}`}
            download={post.fileName}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            data-testid="writeup-download"
          >
            {t("download")}
          </a>
          <Link
            href={`/events/${slug}/writeup/print?${query({})}`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            {t("print")}
          </Link>
        </div>
        <WriteupText markdown={post.markdown} label={t("postLabel")} copy={t("copy")} copied={t("copied")} />
      </div>
    </div>
  );
}

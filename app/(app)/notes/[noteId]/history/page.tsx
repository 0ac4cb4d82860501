import { formatDateTimeWithZone } from "@/lib/time/zoned";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RestoreButton } from "@/components/notes/restore-button";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getOwnNote, listRevisions } from "@/lib/data/notes";
import { diffNotes } from "@/lib/notes/diff";

export const metadata: Metadata = { title: "Note history" };

type Props = { params: Promise<{ noteId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export default async function NoteHistoryPage({ params, searchParams }: Props) {
  const { noteId } = await params;
  const user = await requireUserOrRedirect(`/notes/${noteId}/history`);
  const [note, revisions] = await Promise.all([getOwnNote(db, user.id, noteId), listRevisions(db, user.id, noteId)]);
  if (!note || !revisions) notFound();
  const t = await getTranslations("notes");
  const sp = await searchParams;
  const to = revisions.find((r) => String(r.version) === sp.to) ?? revisions[0];
  const from = revisions.find((r) => String(r.version) === sp.from) ?? revisions[1] ?? revisions[0];
  const parts = from && to ? diffNotes(from.body, to.body) : [];
  const event = await db.event.findUnique({ where: { id: note.eventId }, select: { slug: true, timeZone: true } });
  const back = note.talkId
    ? `/events/${event?.slug}/talks/${note.talkId}/note`
    : `/events/${event?.slug}/notes/${note.id}`;
  const when = (d: Date) => formatDateTimeWithZone(d, event?.timeZone ?? "UTC");
  return (
    <div className="flex flex-col gap-4">
      <Link href={back} className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <h1 className="text-xl font-bold">{t("historyTitle")}</h1>
      {revisions.length === 0 ? <p>{t("noRevisions")}</p> : null}
      <form className="flex flex-wrap items-end gap-2 rounded-xl bg-white p-3 shadow-sm" aria-label={t("compare")}>
        {(["from", "to"] as const).map((k) => (
          <label key={k} className="flex flex-col text-sm font-medium">
            {t(k)}
            <select
              name={k}
              defaultValue={String((k === "from" ? from : to)?.version)}
              className="rounded border border-slate-300 px-2 py-1"
            >
              {revisions.map((r) => (
                <option key={r.id} value={r.version}>
                  {t("version", { version: r.version })} · {when(r.createdAt)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold">{t("compare")}</button>
      </form>
      <pre
        className="rounded-xl bg-white p-4 font-mono text-sm whitespace-pre-wrap shadow-sm"
        data-testid="revision-diff"
      >
        {parts.map((p, i) =>
          p.kind === "added" ? (
            <ins key={i} className="bg-green-100 text-green-900 no-underline">
              {p.text}
            </ins>
          ) : p.kind === "removed" ? (
            <del key={i} className="bg-red-100 text-red-900">
              {p.text}
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </pre>
      <ol className="flex flex-col divide-y divide-slate-200 rounded-xl bg-white shadow-sm" data-testid="revision-list">
        {revisions.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2 p-3 text-sm">
            <span className="font-semibold">{t("version", { version: r.version })}</span>
            <span className="text-slate-600">
              {r.author.name} · {when(r.createdAt)}
            </span>
            {r.version !== note.version ? (
              <RestoreButton noteId={note.id} revisionId={r.id} version={r.version} />
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

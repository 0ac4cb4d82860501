import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEventsWithOwnNotes } from "@/lib/data/writeup-export";

export const metadata: Metadata = { title: "Write-ups" };

export default async function WriteupsPage() {
  const user = await requireUserOrRedirect("/writeups");
  const [events, t] = await Promise.all([listEventsWithOwnNotes(db, user.id), getTranslations("writeups")]);
  const card = "flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm";
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section className={card} aria-labelledby="wu-import">
        <h2 id="wu-import" className="text-lg font-semibold">
          {t("importTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("importHint")}</p>
        <Link
          href="/writeups/import"
          className="self-start rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {t("importLink")}
        </Link>
      </section>
      <section className={card} aria-labelledby="wu-export">
        <h2 id="wu-export" className="text-lg font-semibold">
          {t("exportTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("exportHint")}</p>
        {events.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            {t("exportEmpty")}
          </p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="export-events">
            {events.map((e) => (
              <li key={e.slug}>
                <Link
                  href={`/events/${e.slug}/writeup`}
                  className="flex flex-wrap items-baseline gap-x-2 rounded-lg border border-slate-200 px-3 py-2 hover:border-brand-500"
                >
                  <span className="font-medium">{e.name}</span>
                  <span className="text-sm text-slate-600">
                    {e.date} · {t("notesCount", { count: e.notes })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={card} aria-labelledby="wu-backup">
        <h2 id="wu-backup" className="text-lg font-semibold">
          {t("backupTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("backupHint")}</p>
        <a
          href="/api/me/backup"
          download
          className="self-start rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
        >
          {t("backupDownload")}
        </a>
        {user.role === "ADMIN" ? (
          <>
            <p className="text-sm text-slate-600">{t("adminBackupHint")}</p>
            <a
              href="/api/admin/backup"
              download
              className="self-start rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
            >
              {t("adminBackupDownload")}
            </a>
          </>
        ) : null}
        <p className="text-xs text-slate-500">{t("restoreHint")}</p>
      </section>
    </div>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { submitWith } from "@/components/ui/submit-with";
import { uploadWithProgress } from "@/components/ui/upload-with-progress";
import { useErrorText } from "@/components/use-error-text";
import type { ErrorLike } from "@/lib/i18n/error-text";

type Problem = { severity: string; message: string; where?: string };
type Preview = {
  event: { name: string; startDate: string; endDate: string; timeZone: string };
  counts: { days: number; tracks: number; talks: number; plenaryTalks: number; speakers: number };
  changes?: {
    added: unknown[];
    updated: unknown[];
    moved: unknown[];
    unchanged: number;
    removed: { title: string; hasUserData: boolean }[];
  };
  errors: Problem[];
  warnings: Problem[];
  canApply: boolean;
};
type Summary = { eventSlug: string };

export function AgendaImporter({ events }: { events: { slug: string; name: string }[] }) {
  const t = useTranslations("agendaImport");
  const errors = useErrorText();
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [request, setRequest] = useState<{ file: File; params: URLSearchParams } | null>(null);

  async function send(file: File, params: URLSearchParams, mode: "preview" | "apply") {
    setError(null);
    setProgress(0);
    try {
      const res = await uploadWithProgress(
        `/api/admin/agenda/import?${params}&mode=${mode}`,
        file,
        setProgress,
        "application/octet-stream",
      );
      if (res.body.preview) setPreview(res.body.preview as Preview);
      if (res.status >= 400)
        setError(t("failed", { message: errors.message({ code: "INTERNAL", ...(res.body as ErrorLike) }) ?? "" }));
      else if (res.body.summary) setSummary(res.body.summary as Summary);
    } catch {
      setError(t("failed", { message: "network" }));
    } finally {
      setProgress(null);
    }
  }

  const onPreview = submitWith((form) => {
    const file = form.get("file");
    if (!(file instanceof File) || !file.name) return;
    const params = new URLSearchParams({ filename: file.name });
    const event = String(form.get("event") ?? "");
    const timeZone = String(form.get("timeZone") ?? "").trim();
    if (event) params.set("event", event);
    if (timeZone) params.set("timeZone", timeZone);
    setSummary(null);
    setPreview(null);
    setRequest({ file, params });
    void send(file, params, "preview");
  });

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={onPreview}
        className="grid gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-3"
        aria-label={t("title")}
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("file")}
          <input
            type="file"
            name="file"
            required
            accept=".xml,.json,.csv,text/xml,application/json,text/csv"
            className="text-sm"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("target")}
          <select name="event" className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("newEvent")}</option>
            {events.map((e) => (
              <option key={e.slug} value={e.slug}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("timeZone")}
          <input name="timeZone" placeholder="Asia/Seoul" className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <div className="sm:col-span-3">
          <Button type="submit" disabled={progress !== null}>
            {t("preview")}
          </Button>
        </div>
      </form>
      <div aria-live="polite" data-testid="import-status">
        {progress !== null ? (
          <div className="flex flex-col gap-1">
            <progress
              max={100}
              value={progress}
              className="w-full"
              aria-label={t("uploading", { percent: progress })}
            />
            <span className="text-sm text-slate-600">
              {progress < 100 ? t("uploading", { percent: progress }) : t("working")}
            </span>
          </div>
        ) : null}
        {error ? <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
        {summary ? (
          <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("done", { name: preview?.event.name ?? summary.eventSlug })}{" "}
            <Link className="font-semibold underline" href={`/events/${summary.eventSlug}`}>
              {t("open")}
            </Link>
          </p>
        ) : null}
      </div>
      {preview ? (
        <section className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm" data-testid="import-preview">
          <h2 className="text-lg font-semibold">
            {preview.event.name}{" "}
            <span className="text-sm font-normal text-slate-600">
              {preview.event.startDate} – {preview.event.endDate} · {preview.event.timeZone}
            </span>
          </h2>
          <p className="text-sm">
            {t("counts", {
              days: preview.counts.days,
              tracks: preview.counts.tracks,
              talks: preview.counts.talks,
              plenary: preview.counts.plenaryTalks,
              speakers: preview.counts.speakers,
            })}
          </p>
          {preview.changes ? (
            <div className="text-sm">
              <p className="font-medium">{t("changes")}</p>
              <p>
                {t("added", { count: preview.changes.added.length })} ·{" "}
                {t("moved", { count: preview.changes.moved.length })} ·{" "}
                {t("updated", { count: preview.changes.updated.length })} ·{" "}
                {t("unchanged", { count: preview.changes.unchanged })} ·{" "}
                {t("removed", { count: preview.changes.removed.length })}
              </p>
              <ul className="list-disc pl-5">
                {preview.changes.removed.map((r) => (
                  <li key={r.title}>
                    {r.title}
                    {r.hasUserData ? ` (${t("keptWithNotes")})` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.errors.length ? (
            <div className="text-sm text-red-800" data-testid="import-errors">
              <p className="font-semibold">{t("errors")}</p>
              <ul className="list-disc pl-5">
                {preview.errors.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.warnings.length ? (
            <details className="text-sm text-amber-800">
              <summary>
                {t("warnings")} ({preview.warnings.length})
              </summary>
              <ul className="list-disc pl-5">
                {preview.warnings.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div>
            <Button
              type="button"
              disabled={!preview.canApply || !!summary || progress !== null || !request}
              onClick={() => request && send(request.file, request.params, "apply")}
            >
              {t("import", { talks: preview.counts.talks })}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

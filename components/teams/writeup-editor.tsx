"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { buildWriteupDraftAction, saveWriteupAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";
import { formatDateTimeWithZone } from "@/lib/time/zoned";

type Props = {
  teamId: string;
  eventId: string;
  talkId: string | null;
  saved: { body: string; updatedAt: string } | null;
  canEdit: boolean;
  /** The event's: the saved time is shown in it, with the zone. */ timeZone: string;
};

/** Draft from the members' team notes → edit → save as the team's final write-up. */
export function WriteupEditor({ teamId, eventId, talkId, saved, canEdit, timeZone }: Props) {
  const t = useTranslations("teams");
  const errors = useErrorText();
  const [body, setBody] = useState(saved?.body ?? "");
  const [savedAt, setSavedAt] = useState(saved?.updatedAt ?? null);
  const [savedBody, setSavedBody] = useState(saved?.body ?? "");
  const [tab, setTab] = useState<"edit" | "preview">(canEdit ? "edit" : "preview");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = body !== savedBody;

  const buildDraft = () =>
    startTransition(async () => {
      const res = await buildWriteupDraftAction({ teamId, eventId, talkId });
      setResult(res);
      if (!res.ok) return;
      if (body.trim() && body !== res.data.body && !window.confirm(t("replaceDraftConfirm"))) return;
      setBody(res.data.body);
    });
  const save = () =>
    startTransition(async () => {
      const res = await saveWriteupAction({ teamId, eventId, talkId, body });
      setResult(res);
      if (res.ok) {
        setSavedAt(res.data.updatedAt);
        setSavedBody(body);
      }
    });

  return (
    <section className="flex flex-col gap-3" aria-label={t("writeup")}>
      <div className="flex flex-wrap items-center gap-2">
        <span role="tablist" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
          {(["edit", "preview"] as const).map((name) =>
            name === "edit" && !canEdit ? null : (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                onClick={() => setTab(name)}
                className={`rounded-md px-3 py-1 font-semibold ${tab === name ? "bg-white shadow-sm" : "text-slate-600"}`}
              >
                {name === "edit" ? t("edit_tab") : t("preview")}
              </button>
            ),
          )}
        </span>
        <Button type="button" variant="secondary" disabled={pending} onClick={buildDraft}>
          {t("buildDraft")}
        </Button>
        {canEdit ? (
          <Button type="button" disabled={pending || !dirty} onClick={save}>
            {t("saveWriteup")}
          </Button>
        ) : null}
        <span className="text-xs text-slate-600" data-testid="writeup-status" aria-live="polite">
          {savedAt ? t("writeupSaved", { time: formatDateTimeWithZone(new Date(savedAt), timeZone) }) : t("notSaved")}
        </span>
      </div>
      {!canEdit ? <p className="text-sm text-slate-600">{t("readOnly")}</p> : null}
      {tab === "edit" && canEdit ? (
        <>
          <label htmlFor="writeup-body" className="sr-only">
            {t("writeup")}
          </label>
          <textarea
            id="writeup-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={24}
            className="w-full rounded-xl border border-slate-300 bg-white p-3 font-mono text-sm"
            data-testid="writeup-body"
          />
        </>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid="writeup-preview">
          {body.trim() ? <MarkdownPreview source={body} /> : <p className="text-slate-600">{t("emptyWriteup")}</p>}
        </div>
      )}
      <FormMessage message={errors.message(result)} />
    </section>
  );
}

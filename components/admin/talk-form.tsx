"use client";

import { submitWith } from "@/components/ui/submit-with";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { saveTalkAction } from "@/lib/actions/agenda-admin";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useErrorText } from "@/components/use-error-text";

export type TalkFormValues = {
  talkId?: string;
  title: string;
  abstract: string;
  date: string;
  start: string;
  end: string;
  trackId: string | null;
  speakers: string;
  level: string | null;
};
type Option = { id: string; name: string };

export function TalkForm({
  eventId,
  days,
  tracks,
  initial,
  onDone,
}: {
  eventId: string;
  days: string[];
  tracks: Option[];
  initial?: TalkFormValues;
  onDone?: () => void;
}) {
  const t = useTranslations("admin");
  const router = useRouter();
  const errors = useErrorText();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const fe = errors.fieldErrors(result);
  const id = initial?.talkId ?? "new";
  const v = initial ?? {
    title: "",
    abstract: "",
    date: days[0] ?? "",
    start: "",
    end: "",
    trackId: tracks[0]?.id ?? null,
    speakers: "",
    level: null,
  };

  return (
    <form
      aria-label={initial ? `${t("editTalk")}: ${initial.title}` : t("addTalk")}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={submitWith((form, element) =>
        startTransition(async () => {
          const track = String(form.get("trackId") ?? "");
          const level = String(form.get("level") ?? "");
          const res = await saveTalkAction({
            eventId,
            talkId: initial?.talkId,
            title: String(form.get("title") ?? ""),
            abstract: String(form.get("abstract") ?? ""),
            date: String(form.get("date") ?? ""),
            start: String(form.get("start") ?? ""),
            end: String(form.get("end") ?? ""),
            trackId: track === "" ? null : track,
            speakers: String(form.get("speakers") ?? ""),
            level: level === "" ? null : level,
          });
          setResult(res);
          if (res.ok) {
            if (!initial) element.reset();
            router.refresh();
            onDone?.();
          }
        }),
      )}
    >
      <div className="sm:col-span-2">
        <Field
          id={`talk-${id}-title`}
          label={t("talkTitle")}
          name="title"
          defaultValue={v.title}
          required
          errors={fe.title}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`talk-${id}-date`} className="text-sm font-medium">
          {t("date")}
        </label>
        <select
          id={`talk-${id}-date`}
          name="date"
          defaultValue={v.date}
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {days.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
        {fe.date ? <p className="text-sm text-red-700">{fe.date.join(" ")}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`talk-${id}-track`} className="text-sm font-medium">
          {t("track")}
        </label>
        <select
          id={`talk-${id}-track`}
          name="trackId"
          defaultValue={v.trackId ?? ""}
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {tracks.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.name}
            </option>
          ))}
          <option value="">{t("plenary")}</option>
        </select>
      </div>
      <Field
        id={`talk-${id}-start`}
        label={t("start")}
        name="start"
        type="time"
        defaultValue={v.start}
        required
        errors={fe.start}
      />
      <Field
        id={`talk-${id}-end`}
        label={t("end")}
        name="end"
        type="time"
        defaultValue={v.end}
        required
        errors={fe.end}
      />
      <Field
        id={`talk-${id}-speakers`}
        label={t("speakers")}
        name="speakers"
        defaultValue={v.speakers}
        errors={fe.speakers}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`talk-${id}-level`} className="text-sm font-medium">
          {t("level")}
        </label>
        <select
          id={`talk-${id}-level`}
          name="level"
          defaultValue={v.level ?? ""}
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          <option value="">{t("noLevel")}</option>
          {["INTRO", "INTERMEDIATE", "ADVANCED", "EXPERT"].map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={`talk-${id}-abstract`} className="text-sm font-medium">
          {t("abstract")}
        </label>
        <textarea
          id={`talk-${id}-abstract`}
          name="abstract"
          defaultValue={v.abstract}
          rows={3}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {initial ? t("save") : t("addTalk")}
        </Button>
        {onDone ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("cancel")}
          </Button>
        ) : null}
        <FormMessage message={errors.message(result)} />
      </div>
    </form>
  );
}

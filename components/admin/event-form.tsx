"use client";

import { submitWith } from "@/components/ui/submit-with";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createEventAction, updateEventAction } from "@/lib/actions/agenda-admin";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useErrorText } from "@/components/use-error-text";

export type EventFormValues = {
  name: string;
  slug: string;
  series: string;
  venue: string;
  timeZone: string;
  startDate: string;
  endDate: string;
};

export function EventForm({ eventId, initial }: { eventId?: string; initial?: EventFormValues }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const errors = useErrorText();
  const [result, setResult] = useState<ActionResult<{ slug: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const fe = errors.fieldErrors(result);
  const v = initial ?? {
    name: "",
    slug: "",
    series: "",
    venue: "",
    timeZone: "Asia/Seoul",
    startDate: "",
    endDate: "",
  };

  function submit(form: FormData) {
    const event = Object.fromEntries(
      ["name", "slug", "series", "venue", "timeZone", "startDate", "endDate"].map((k) => [
        k,
        String(form.get(k) ?? ""),
      ]),
    );
    startTransition(async () => {
      const res = eventId ? await updateEventAction({ eventId, event }) : await createEventAction(event);
      setResult(res);
      if (res.ok) {
        if (!eventId) router.push(`/admin/events/${res.data.slug}`);
        else router.refresh();
      }
    });
  }

  return (
    <form
      onSubmit={submitWith(submit)}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      aria-label={eventId ? t("editEvent") : t("newEvent")}
    >
      <Field label={t("name")} name="name" defaultValue={v.name} required errors={fe.name} />
      {eventId ? null : <Field label={t("slug")} name="slug" defaultValue={v.slug} errors={fe.slug} />}
      <Field label={t("series")} name="series" defaultValue={v.series} errors={fe.series} />
      <Field label={t("venue")} name="venue" defaultValue={v.venue} errors={fe.venue} />
      <Field label={t("timeZone")} name="timeZone" defaultValue={v.timeZone} required errors={fe.timeZone} />
      <Field
        label={t("startDate")}
        name="startDate"
        type="date"
        defaultValue={v.startDate}
        required
        errors={fe.startDate}
      />
      <Field label={t("endDate")} name="endDate" type="date" defaultValue={v.endDate} required errors={fe.endDate} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {eventId ? t("save") : t("create")}
        </Button>
        <FormMessage
          message={result?.ok ? t("saved") : errors.message(result)}
          tone={result?.ok ? "success" : "error"}
        />
      </div>
    </form>
  );
}

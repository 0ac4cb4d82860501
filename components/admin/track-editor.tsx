"use client";

import { submitWith } from "@/components/ui/submit-with";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteTrackAction, saveTrackAction } from "@/lib/actions/agenda-admin";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useErrorText } from "@/components/use-error-text";

export type TrackRow = {
  id: string;
  name: string;
  room: string | null;
  colour: string;
  position: number;
  talkCount: number;
};

function TrackForm({ eventId, track, onDone }: { eventId: string; track?: TrackRow; onDone?: () => void }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const errors = useErrorText();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const fe = errors.fieldErrors(result);
  const prefix = track ? `track-${track.id}` : "new-track";
  return (
    <form
      aria-label={track ? `${t("edit")} ${track.name}` : t("addTrack")}
      className="flex flex-wrap items-end gap-2"
      noValidate
      onSubmit={submitWith((form, element) =>
        startTransition(async () => {
          const res = await saveTrackAction({
            eventId,
            trackId: track?.id,
            name: String(form.get("name") ?? ""),
            room: String(form.get("room") ?? ""),
            colour: String(form.get("colour") ?? "#2563eb"),
            position: String(form.get("position") ?? "0"),
          });
          setResult(res);
          if (res.ok) {
            if (!track) element.reset();
            router.refresh();
            onDone?.();
          }
        }),
      )}
    >
      <label className="flex flex-col text-xs font-medium" htmlFor={`${prefix}-name`}>
        {t("trackName")}
        <input
          id={`${prefix}-name`}
          name="name"
          defaultValue={track?.name ?? ""}
          required
          className="rounded border border-slate-300 px-2 py-1 text-sm"
          aria-invalid={!!fe.name}
        />
      </label>
      <label className="flex flex-col text-xs font-medium" htmlFor={`${prefix}-room`}>
        {t("room")}
        <input
          id={`${prefix}-room`}
          name="room"
          defaultValue={track?.room ?? ""}
          className="w-28 rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <label className="flex flex-col text-xs font-medium" htmlFor={`${prefix}-colour`}>
        {t("colour")}
        <input
          id={`${prefix}-colour`}
          name="colour"
          type="color"
          defaultValue={track?.colour ?? "#2563eb"}
          className="h-8 w-12 rounded border border-slate-300"
        />
      </label>
      <label className="flex flex-col text-xs font-medium" htmlFor={`${prefix}-position`}>
        {t("position")}
        <input
          id={`${prefix}-position`}
          name="position"
          type="number"
          min={0}
          defaultValue={track?.position ?? 0}
          className="w-16 rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <Button type="submit" disabled={pending} variant={track ? "secondary" : "primary"}>
        {track ? t("save") : t("addTrack")}
      </Button>
      <FormMessage message={errors.message(result) ?? fe.name?.join(" ")} />
    </form>
  );
}

export function TrackEditor({ eventId, tracks }: { eventId: string; tracks: TrackRow[] }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const errors = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="tracks-heading" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="tracks-heading" className="text-lg font-semibold">
        {t("tracks")}
      </h2>
      {tracks.length === 0 ? <p className="text-sm text-slate-600">{t("noTracks")}</p> : null}
      <ul className="flex flex-col gap-3">
        {tracks.map((track) => (
          <li key={track.id} className="flex flex-wrap items-end gap-2 border-b border-slate-100 pb-2">
            <span className="h-4 w-4 self-center rounded-full" style={{ background: track.colour }} aria-hidden />
            <TrackForm eventId={eventId} track={track} />
            <Button
              variant="secondary"
              type="button"
              disabled={pending}
              aria-label={`${t("delete")} ${track.name}`}
              onClick={() =>
                startTransition(async () => {
                  const res = await deleteTrackAction({ id: track.id });
                  setMessage(errors.message(res));
                  if (res.ok) router.refresh();
                })
              }
            >
              {t("delete")}
            </Button>
          </li>
        ))}
      </ul>
      <FormMessage message={message} />
      <TrackForm eventId={eventId} />
    </section>
  );
}

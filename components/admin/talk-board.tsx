"use client";

import { submitWith } from "@/components/ui/submit-with";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteTalkAction, moveTalkAction } from "@/lib/actions/agenda-admin";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TalkForm, type TalkFormValues } from "./talk-form";
import { useErrorText } from "@/components/use-error-text";

export type BoardTalk = TalkFormValues & { talkId: string; noteCount: number };
type Option = { id: string; name: string };

/** The agenda as an editable grid: drag a talk onto another cell, or use Move from the keyboard. */
export function TalkBoard({
  eventId,
  days,
  tracks,
  talks,
}: {
  eventId: string;
  days: string[];
  tracks: Option[];
  talks: BoardTalk[];
}) {
  const t = useTranslations("admin");
  const router = useRouter();
  const errors = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function move(talkId: string, trackId: string | null, date: string, start: string) {
    startTransition(async () => {
      const res = await moveTalkAction({ talkId, trackId, date, start });
      setMessage(errors.message(res));
      if (res.ok) {
        setMoving(null);
        router.refresh();
      }
    });
  }

  function remove(talk: BoardTalk) {
    if (!window.confirm(t("confirmDeleteTalk", { title: talk.title, count: talk.noteCount }))) return;
    startTransition(async () => {
      const res = await deleteTalkAction({ id: talk.talkId, confirm: true });
      setMessage(errors.message(res));
      if (res.ok) router.refresh();
    });
  }

  const card = (talk: BoardTalk) => (
    <div
      key={talk.talkId}
      draggable
      onDragStart={(e) => e.dataTransfer.setData("text/plain", talk.talkId)}
      className="flex cursor-grab flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-sm"
      data-testid="board-talk"
    >
      <span className="font-semibold">{talk.title}</span>
      <span className="text-xs text-slate-600">
        {talk.start}–{talk.end} · {t("notes", { count: talk.noteCount })}
      </span>
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-0.5 text-xs"
          onClick={() => setEditing(editing === talk.talkId ? null : talk.talkId)}
          aria-label={`${t("edit")}: ${talk.title}`}
        >
          {t("edit")}
        </button>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-0.5 text-xs"
          onClick={() => setMoving(moving === talk.talkId ? null : talk.talkId)}
          aria-label={`${t("move")}: ${talk.title}`}
        >
          {t("move")}
        </button>
        <button
          type="button"
          className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700"
          onClick={() => remove(talk)}
          aria-label={`${t("delete")}: ${talk.title}`}
        >
          {t("delete")}
        </button>
      </div>
      {moving === talk.talkId ? <MoveForm talk={talk} days={days} tracks={tracks} onMove={move} /> : null}
      {editing === talk.talkId ? (
        <TalkForm eventId={eventId} days={days} tracks={tracks} initial={talk} onDone={() => setEditing(null)} />
      ) : null}
    </div>
  );

  return (
    <section aria-labelledby="board-heading" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="board-heading" className="text-lg font-semibold">
        {t("talks")}
      </h2>
      <p className="text-sm text-slate-600">{t("moveHint")}</p>
      <FormMessage message={message} />
      {talks.length === 0 ? <p className="text-sm text-slate-600">{t("noTalks")}</p> : null}
      {days.map((day) => {
        const dayTalks = talks.filter((x) => x.date === day);
        if (!dayTalks.length) return null;
        const rows = [
          ...new Map(dayTalks.map((x) => [`${x.start}-${x.end}`, { start: x.start, end: x.end }])).values(),
        ].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
        return (
          <div key={day} className="overflow-x-auto">
            <h3 className="mb-1 font-semibold">{day}</h3>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th className="w-24 p-1 text-left text-xs">{t("start")}</th>
                  {tracks.map((tr) => (
                    <th key={tr.id} className="min-w-40 p-1 text-left text-xs">
                      {tr.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const plenary = dayTalks.filter(
                    (x) => x.trackId === null && x.start === row.start && x.end === row.end,
                  );
                  return (
                    <tr key={`${row.start}-${row.end}`} className="border-t border-slate-200 align-top">
                      <th scope="row" className="p-1 text-left font-mono text-xs">
                        {row.start}–{row.end}
                      </th>
                      {plenary.length ? (
                        <td colSpan={tracks.length} className="bg-brand-50/60 p-1">
                          {plenary.map(card)}
                        </td>
                      ) : (
                        tracks.map((tr) => {
                          const key = `${day}|${row.start}|${tr.id}`;
                          return (
                            <td
                              key={tr.id}
                              className={`p-1 ${dragOver === key ? "bg-amber-100" : ""}`}
                              data-testid={`cell-${day}-${row.start}-${tr.name}`}
                              onDragOver={(e) => {
                                e.preventDefault();
                                setDragOver(key);
                              }}
                              onDragLeave={() => setDragOver(null)}
                              onDrop={(e) => {
                                e.preventDefault();
                                setDragOver(null);
                                const id = e.dataTransfer.getData("text/plain");
                                if (id) move(id, tr.id, day, row.start);
                              }}
                            >
                              <div className="flex min-h-10 flex-col gap-1">
                                {dayTalks
                                  .filter((x) => x.trackId === tr.id && x.start === row.start && x.end === row.end)
                                  .map(card)}
                              </div>
                            </td>
                          );
                        })
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

function MoveForm({
  talk,
  days,
  tracks,
  onMove,
}: {
  talk: BoardTalk;
  days: string[];
  tracks: Option[];
  onMove: (id: string, trackId: string | null, date: string, start: string) => void;
}) {
  const t = useTranslations("admin");
  const id = `move-${talk.talkId}`;
  return (
    <form
      aria-label={t("moveTo", { title: talk.title })}
      className="flex flex-wrap items-end gap-2 rounded bg-slate-50 p-2"
      onSubmit={submitWith((form) => {
        const track = String(form.get("trackId") ?? "");
        onMove(talk.talkId, track === "" ? null : track, String(form.get("date")), String(form.get("start")));
      })}
    >
      <label htmlFor={`${id}-track`} className="flex flex-col text-xs">
        {t("track")}
        <select
          id={`${id}-track`}
          name="trackId"
          defaultValue={talk.trackId ?? ""}
          className="rounded border border-slate-300 px-1 py-1"
        >
          {tracks.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.name}
            </option>
          ))}
          <option value="">{t("plenary")}</option>
        </select>
      </label>
      <label htmlFor={`${id}-date`} className="flex flex-col text-xs">
        {t("date")}
        <select
          id={`${id}-date`}
          name="date"
          defaultValue={talk.date}
          className="rounded border border-slate-300 px-1 py-1"
        >
          {days.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-start`} className="flex flex-col text-xs">
        {t("start")}
        <input
          id={`${id}-start`}
          name="start"
          type="time"
          defaultValue={talk.start}
          className="rounded border border-slate-300 px-1 py-1"
        />
      </label>
      <Button type="submit" className="px-2 py-1 text-xs">
        {t("move")}
      </Button>
    </form>
  );
}

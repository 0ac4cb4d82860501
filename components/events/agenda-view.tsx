"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { liveRowIndex } from "@/lib/schedule/grid";
import { StarButton } from "./star-button";

export type AgendaViewTalk = { id: string; title: string; trackId: string | null; startsAt: string; endsAt: string; speakers: string[] };
export type AgendaViewRow = { startsAt: string; endsAt: string; label: string; plenary: AgendaViewTalk[]; byTrack: Record<string, AgendaViewTalk[]> };
export type AgendaViewDay = { date: string; label: string; rows: AgendaViewRow[] };
export type AgendaViewTrack = { id: string; name: string; colour: string; room: string | null };

type Props = {
  eventSlug: string;
  days: AgendaViewDay[];
  tracks: AgendaViewTrack[];
  starred: string[];
  canStar: boolean;
  /** ISO instant the server considers "now" (pinned in demos/tests), else null for the real clock. */
  pinnedNow: string | null;
};

const subscribeNothing = () => () => {};

/** The agenda grid: day tabs, a track table on wide screens, one track at a time on a phone. */
export function AgendaView({ eventSlug, days, tracks, starred, canStar, pinnedNow }: Props) {
  const t = useTranslations("event");
  const trackKey = `summit:track:${eventSlug}`;
  const [now, setNow] = useState(() => (pinnedNow ? new Date(pinnedNow) : null));
  useEffect(() => {
    if (pinnedNow) return;
    const tick = () => setNow(new Date());
    tick();
    const id = setInterval(tick, 30_000);
    return () => clearInterval(id);
  }, [pinnedNow]);

  const todayIndex = useMemo(() => {
    if (!now) return 0;
    const i = days.findIndex((d) => d.rows.some((r) => new Date(r.endsAt) > now) && new Date(d.rows[0].startsAt).toDateString() === now.toDateString());
    return i >= 0 ? i : 0;
  }, [days, now]);
  const [dayIndex, setDayIndex] = useState<number | null>(null);
  const activeDay = days[dayIndex ?? todayIndex] ?? days[0];

  const storedTrack = useSyncExternalStore(subscribeNothing, () => window.localStorage.getItem(trackKey), () => null);
  const [chosenTrack, setChosenTrack] = useState<string | null>(null);
  const trackId = chosenTrack ?? (tracks.some((tr) => tr.id === storedTrack) ? storedTrack : tracks[0]?.id) ?? null;
  const chooseTrack = (id: string) => {
    setChosenTrack(id);
    window.localStorage.setItem(trackKey, id);
  };

  const live = now ? liveRowIndex(activeDay.rows.map((r) => ({ startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) })), now) : null;
  const starredSet = new Set(starred);

  function jumpToNow() {
    const liveDay = days.findIndex((d) => now && liveRowIndex(d.rows.map((r) => ({ startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) })), now));
    if (liveDay >= 0) setDayIndex(liveDay);
    requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>(`[data-now-target="${trackId ?? "plenary"}"]`) ?? document.querySelector<HTMLElement>("[data-now-row]");
      target?.scrollIntoView({ block: "center", behavior: "smooth" });
      target?.querySelector<HTMLElement>("a")?.focus({ preventScroll: true });
    });
  }

  const cell = (talk: AgendaViewTalk, plenary = false) => (
    <article key={talk.id} className="flex items-start gap-1" data-testid="talk-cell">
      <div className="min-w-0 flex-1">
        {plenary ? <span className="block text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("plenary")}</span> : null}
        <Link href={`/events/${eventSlug}/talks/${talk.id}`} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline">
          {talk.title}
        </Link>
        {talk.speakers.length ? <p className="text-xs text-slate-600">{talk.speakers.join(", ")}</p> : null}
      </div>
      {canStar ? <StarButton talkId={talk.id} title={talk.title} initiallyStarred={starredSet.has(talk.id)} /> : null}
    </article>
  );

  const rowState = (i: number) => (live?.index === i ? (live.isLive ? "live" : "next") : null);
  const badge = (i: number) =>
    rowState(i) ? (
      <span className={`ml-1 rounded px-1 text-[10px] font-bold uppercase ${rowState(i) === "live" ? "bg-red-600 text-white" : "bg-slate-200 text-slate-700"}`}>{rowState(i) === "live" ? t("live") : t("next")}</span>
    ) : null;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {days.length > 1 ? (
          <div role="tablist" aria-label={t("dayTabs")} className="flex gap-1">
            {days.map((d, i) => (
              <button key={d.date} role="tab" aria-selected={d === activeDay} onClick={() => setDayIndex(i)} className={`rounded-md px-3 py-1.5 text-sm font-medium ${d === activeDay ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}>
                {d.label}
              </button>
            ))}
          </div>
        ) : (
          <h2 className="text-lg font-semibold">{activeDay.label}</h2>
        )}
        <button type="button" onClick={jumpToNow} disabled={!live} title={live ? t("jumpToNow") : t("nothingNow")} className="ml-auto rounded-full bg-red-600 px-4 py-1.5 text-sm font-bold text-white shadow disabled:bg-slate-300" data-testid="now-button">
          {t("now")}
        </button>
      </div>

      {/* Phone: one track at a time, quick switching. */}
      <div className="sm:hidden">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">{t("chooseTrack")}</span>
          <select value={trackId ?? ""} onChange={(e) => chooseTrack(e.target.value)} className="flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
            {tracks.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name}
                {tr.room ? ` · ${tr.room}` : ""}
              </option>
            ))}
          </select>
        </label>
        <ol className="mt-2 flex flex-col gap-2" data-testid="agenda-track-list">
          {activeDay.rows.map((row, i) => {
            const talks = row.plenary.length ? row.plenary : trackId ? (row.byTrack[trackId] ?? []) : [];
            if (!talks.length) return null;
            return (
              <li key={row.startsAt} data-now-row={rowState(i) ? "" : undefined} data-now-target={rowState(i) ? (row.plenary.length ? "plenary" : trackId) : undefined} className={`rounded-lg border bg-white p-3 ${rowState(i) === "live" ? "border-red-500 ring-2 ring-red-200" : "border-slate-200"}`}>
                <p className="font-mono text-xs text-slate-600">
                  {row.label}
                  {badge(i)}
                </p>
                {talks.map((talk) => cell(talk, row.plenary.length > 0))}
              </li>
            );
          })}
        </ol>
      </div>

      {/* Wide screens: the printed-agenda grid. */}
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white sm:block">
        <table className="w-full border-collapse text-sm" data-testid="agenda-grid">
          <thead>
            <tr>
              <th scope="col" className="w-28 bg-slate-50 p-2 text-left text-xs font-semibold text-slate-600">
                {t("tracks")}
              </th>
              {tracks.map((track) => (
                <th key={track.id} scope="col" className="min-w-40 border-l border-slate-200 bg-slate-50 p-2 text-left text-xs font-semibold" style={{ borderTop: `3px solid ${track.colour}` }}>
                  {track.name}
                  {track.room ? <span className="block font-normal text-slate-500">{track.room}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activeDay.rows.map((row, i) => (
              <tr key={row.startsAt} data-now-row={rowState(i) ? "" : undefined} className={`border-t border-slate-200 align-top ${rowState(i) === "live" ? "bg-red-50" : ""}`}>
                <th scope="row" className="p-2 text-left font-mono text-xs font-medium whitespace-nowrap text-slate-700">
                  {row.label}
                  {badge(i)}
                </th>
                {row.plenary.length ? (
                  <td colSpan={Math.max(tracks.length, 1)} className="border-l border-slate-200 bg-brand-50/60 p-2" data-now-target={rowState(i) ? "plenary" : undefined}>
                    {row.plenary.map((talk) => cell(talk, true))}
                  </td>
                ) : (
                  tracks.map((track) => (
                    <td key={track.id} className="border-l border-slate-200 p-2" data-now-target={rowState(i) && track.id === trackId ? track.id : undefined}>
                      <div className="flex flex-col gap-2">{(row.byTrack[track.id] ?? []).map((talk) => cell(talk))}</div>
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

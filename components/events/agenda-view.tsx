"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { keepPagesOffline } from "@/components/notes/use-cache-for-offline";
import { formatIsoDate } from "@/lib/time/zoned";
import { StarButton } from "./star-button";

/** `timeLabel` is the talk's own "HH:MM–HH:MM" (shown when it ends before its row does). */
export type AgendaViewTalk = {
  id: string;
  title: string;
  trackId: string | null;
  startsAt: string;
  endsAt: string;
  timeLabel: string;
  speakers: string[];
};
export type AgendaViewRow = {
  startsAt: string;
  endsAt: string;
  label: string;
  plenary: AgendaViewTalk[];
  byTrack: Record<string, AgendaViewTalk[]>;
};
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
  /** The event's time zone: which agenda day "today" is. */
  timeZone: string;
};

const subscribeNothing = () => () => {};

/** The agenda grid: day tabs, a track table on wide screens, one track at a time on a phone. */
export function AgendaView({ eventSlug, days, tracks, starred, canStar, pinnedNow, timeZone }: Props) {
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

  // Offline use: once the agenda was open, every talk page of the event (and, signed in, each
  // talk's note editor and My agenda) is kept by the service worker.
  useEffect(() => {
    const talkPages = days
      .flatMap((d) => d.rows.flatMap((r) => [...r.plenary, ...Object.values(r.byTrack).flat()]))
      .map((talk) => `/events/${eventSlug}/talks/${talk.id}`);
    keepPagesOffline(
      canStar ? [...talkPages, ...talkPages.map((p) => `${p}/note`)] : talkPages,
      canStar ? [location.pathname, "/my-agenda"] : [location.pathname],
    );
  }, [days, eventSlug, canStar]);

  const today = now ? formatIsoDate(now, timeZone) : null;
  const todayIndex = useMemo(() => {
    const i = days.findIndex((d) => d.date === today);
    return i >= 0 ? i : 0;
  }, [days, today]);
  const [dayIndex, setDayIndex] = useState<number | null>(null);
  const activeDay = days[dayIndex ?? todayIndex] ?? days[0];

  const storedTrack = useSyncExternalStore(
    subscribeNothing,
    () => window.localStorage.getItem(trackKey),
    () => null,
  );
  const [chosenTrack, setChosenTrack] = useState<string | null>(null);
  const trackId = chosenTrack ?? (tracks.some((tr) => tr.id === storedTrack) ? storedTrack : tracks[0]?.id) ?? null;
  const [elsewhere, setElsewhere] = useState<AgendaViewTalk[] | null>(null);
  const elsewhereRef = useRef<HTMLDivElement>(null);
  const phoneList = useRef<HTMLOListElement>(null);
  const chooseTrack = (id: string) => {
    setChosenTrack(id);
    setElsewhere(null);
    window.localStorage.setItem(trackKey, id);
  };

  // Live is per talk (talks starting together may end apart); "Next" is only the next row today,
  // and only when nothing is live.
  const talksOf = (row: AgendaViewRow) => [...row.plenary, ...Object.values(row.byTrack).flat()];
  const isLive = (talk: AgendaViewTalk) => !!now && new Date(talk.startsAt) <= now && now < new Date(talk.endsAt);
  const liveTalks = days.flatMap((d) => d.rows.flatMap((r) => talksOf(r).filter(isLive)));
  const nextRow = useMemo(() => {
    if (!now || !today) return null;
    const day = days.find((d) => d.date === today);
    return day?.rows.find((r) => new Date(r.startsAt) > now) ?? null;
  }, [days, now, today]);
  const rowState = (row: AgendaViewRow): "live" | "next" | null =>
    talksOf(row).some(isLive) ? "live" : !liveTalks.length && row === nextRow ? "next" : null;
  const nowTalk = (talk: AgendaViewTalk, row: AgendaViewRow) => (liveTalks.length ? isLive(talk) : row === nextRow);
  const canJump = liveTalks.length > 0 || !!nextRow;
  const starredSet = new Set(starred);
  const trackName = (id: string | null) => tracks.find((tr) => tr.id === id)?.name ?? t("plenary");

  function jumpToNow() {
    const liveDay = days.findIndex((d) => d.rows.some((r) => rowState(r)));
    if (liveDay >= 0) setDayIndex(liveDay);
    setElsewhere(null);
    // After the day switch has rendered: the first visible talk on now, in the chosen track first.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const visible = [...document.querySelectorAll<HTMLElement>("[data-now-talk]")].filter(
          (el) => el.getClientRects().length > 0,
        );
        const inTrack = visible.find((el) => el.dataset.track === trackId || el.dataset.track === "plenary");
        const onPhone = (phoneList.current?.getClientRects().length ?? 0) > 0;
        const target = inTrack ?? (onPhone ? null : visible[0]);
        if (target) {
          target.scrollIntoView({ block: "center", behavior: "smooth" });
          target.querySelector<HTMLElement>("a")?.focus({ preventScroll: true });
          return;
        }
        // A phone showing a track with nothing on now: offer what is on in the other tracks.
        const others = liveTalks.length
          ? liveTalks
          : talksOf(nextRow ?? { startsAt: "", endsAt: "", label: "", plenary: [], byTrack: {} });
        setElsewhere(others);
        requestAnimationFrame(() => {
          elsewhereRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
          elsewhereRef.current?.focus({ preventScroll: true });
        });
      }),
    );
  }

  const cell = (talk: AgendaViewTalk, row: AgendaViewRow, plenary = false) => (
    <article
      key={talk.id}
      className="flex items-start gap-1"
      data-testid="talk-cell"
      data-now-talk={nowTalk(talk, row) ? "" : undefined}
      data-track={talk.trackId ?? "plenary"}
    >
      <div className="min-w-0 flex-1">
        {plenary ? (
          <span className="block text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("plenary")}</span>
        ) : null}
        <Link
          href={`/events/${eventSlug}/talks/${talk.id}`}
          className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
        >
          {talk.title}
        </Link>
        {talk.endsAt !== row.endsAt ? <p className="font-mono text-xs text-slate-600">{talk.timeLabel}</p> : null}
        {talk.speakers.length ? <p className="text-xs text-slate-600">{talk.speakers.join(", ")}</p> : null}
      </div>
      {canStar ? <StarButton talkId={talk.id} title={talk.title} initiallyStarred={starredSet.has(talk.id)} /> : null}
    </article>
  );

  const badge = (row: AgendaViewRow) => {
    const state = rowState(row);
    return state ? (
      <span
        className={`ml-1 inline-flex items-center rounded px-1.5 py-0.5 align-middle text-[10px] leading-none font-bold whitespace-nowrap uppercase ${state === "live" ? "bg-red-600 text-white" : "bg-slate-200 text-slate-700"}`}
        data-testid="row-badge"
      >
        {state === "live" ? t("live") : t("next")}
      </span>
    ) : null;
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {days.length > 1 ? (
          <div role="tablist" aria-label={t("dayTabs")} className="flex gap-1">
            {days.map((d, i) => (
              <button
                key={d.date}
                role="tab"
                aria-selected={d === activeDay}
                onClick={() => setDayIndex(i)}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${d === activeDay ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}
              >
                {d.label}
              </button>
            ))}
          </div>
        ) : (
          <h2 className="text-lg font-semibold">{activeDay.label}</h2>
        )}
        <button
          type="button"
          onClick={jumpToNow}
          disabled={!canJump}
          title={canJump ? t("jumpToNow") : t("nothingNow")}
          className="ml-auto rounded-full bg-red-600 px-4 py-1.5 text-sm font-bold text-white shadow disabled:bg-slate-300"
          data-testid="now-button"
        >
          {t("now")}
        </button>
      </div>
      {elsewhere ? (
        <div
          ref={elsewhereRef}
          tabIndex={-1}
          role="status"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm"
          data-testid="now-elsewhere"
        >
          <p className="font-medium">
            {elsewhere.length ? t("nowElsewhere", { track: trackName(trackId) }) : t("nothingNow")}
          </p>
          <ul className="mt-1 flex flex-col gap-1">
            {elsewhere.map((talk) => (
              <li key={talk.id}>
                <Link href={`/events/${eventSlug}/talks/${talk.id}`} className="font-semibold text-brand-700 underline">
                  {talk.title}
                </Link>{" "}
                <span className="text-slate-600">
                  · {trackName(talk.trackId)} · <span className="font-mono">{talk.timeLabel}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {/* Phone: one track at a time, quick switching. */}
      <div className="sm:hidden">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">{t("chooseTrack")}</span>
          <select
            value={trackId ?? ""}
            onChange={(e) => chooseTrack(e.target.value)}
            className="flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {tracks.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name}
                {tr.room ? ` · ${tr.room}` : ""}
              </option>
            ))}
          </select>
        </label>
        <ol ref={phoneList} className="mt-2 flex flex-col gap-2" data-testid="agenda-track-list">
          {activeDay.rows.map((row) => {
            const talks = row.plenary.length ? row.plenary : trackId ? (row.byTrack[trackId] ?? []) : [];
            if (!talks.length) return null;
            const state = talks.some((talk) => nowTalk(talk, row)) ? rowState(row) : null;
            return (
              <li
                key={`${activeDay.date}-${row.startsAt}-${row.plenary.length ? "p" : "t"}`}
                data-now-row={state ? "" : undefined}
                className={`rounded-lg border bg-white p-3 ${state === "live" ? "border-red-500 ring-2 ring-red-200" : "border-slate-200"}`}
              >
                <p className="font-mono text-xs text-slate-600">
                  {row.label}
                  {state ? badge(row) : null}
                </p>
                {talks.map((talk) => cell(talk, row, row.plenary.length > 0))}
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
                <th
                  key={track.id}
                  scope="col"
                  className="min-w-40 border-l border-slate-200 bg-slate-50 p-2 text-left text-xs font-semibold"
                  style={{ borderTop: `3px solid ${track.colour}` }}
                >
                  {track.name}
                  {track.room ? <span className="block font-normal text-slate-500">{track.room}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activeDay.rows.map((row) => (
              <tr
                key={`${activeDay.date}-${row.startsAt}-${row.plenary.length ? "p" : "t"}`}
                data-now-row={rowState(row) ? "" : undefined}
                className={`border-t border-slate-200 align-top ${rowState(row) === "live" ? "bg-red-50" : ""}`}
              >
                <th
                  scope="row"
                  className="p-2 text-left font-mono text-xs font-medium whitespace-nowrap text-slate-700"
                >
                  {row.label}
                  {badge(row)}
                </th>
                {row.plenary.length ? (
                  <td colSpan={Math.max(tracks.length, 1)} className="border-l border-slate-200 bg-brand-50/60 p-2">
                    {row.plenary.map((talk) => cell(talk, row, true))}
                  </td>
                ) : (
                  tracks.map((track) => (
                    <td key={track.id} className="border-l border-slate-200 p-2">
                      <div className="flex flex-col gap-2">
                        {(row.byTrack[track.id] ?? []).map((talk) => cell(talk, row))}
                      </div>
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

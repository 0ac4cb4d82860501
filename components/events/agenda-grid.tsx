import { getLocale, getTranslations } from "next-intl/server";
import type { EventAgenda } from "@/lib/data/events";
import { buildAgendaGrid } from "@/lib/schedule/grid";
import { formatLongDate, formatTimeRange, zonedToUtc } from "@/lib/time/zoned";
import { TalkCell } from "./talk-cell";

export async function AgendaGrid({ event }: { event: EventAgenda }) {
  const [t, locale] = await Promise.all([getTranslations("event"), getLocale()]);
  const days = buildAgendaGrid(event.talks, event.timeZone);
  const tracks = event.tracks;
  return (
    <div className="flex flex-col gap-8">
      {days.map((day) => (
        <section key={day.date} aria-label={day.date} className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{formatLongDate(zonedToUtc(day.date, "12:00", event.timeZone), event.timeZone, locale)}</h2>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="agenda-grid">
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 w-24 bg-slate-50 p-2 text-left text-xs font-semibold text-slate-600">
                    {t("tracks")}
                  </th>
                  {tracks.map((track) => (
                    <th key={track.id} scope="col" className="border-l border-slate-200 bg-slate-50 p-2 text-left text-xs font-semibold" style={{ borderTop: `3px solid ${track.colour}` }}>
                      {track.name}
                      {track.room ? <span className="block font-normal text-slate-500">{track.room}</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {day.rows.map((row) => (
                  <tr key={row.startsAt.toISOString()} className="border-t border-slate-200 align-top">
                    <th scope="row" className="sticky left-0 bg-white p-2 text-left font-mono text-xs font-medium whitespace-nowrap text-slate-700">
                      {formatTimeRange(row.startsAt, row.endsAt, event.timeZone)}
                    </th>
                    {row.plenary.length ? (
                      <td colSpan={Math.max(tracks.length, 1)} className="border-l border-slate-200 bg-brand-50 p-2">
                        {row.plenary.map((talk) => (
                          <TalkCell key={talk.id} talk={talk} label={t("plenary")} />
                        ))}
                      </td>
                    ) : (
                      tracks.map((track) => (
                        <td key={track.id} className="border-l border-slate-200 p-2">
                          {(row.byTrack[track.id] ?? []).map((talk) => (
                            <TalkCell key={talk.id} talk={talk} />
                          ))}
                        </td>
                      ))
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

// What an import would do, before it does it: the numbers and lists the admin UI and the CLI's
// --dry-run show. Pure: the caller loads the stored agenda (loadAgendaSnapshot) if there is one.
import { diffAgendaTalks } from "./diff";
import { agendaErrors, agendaWarnings, type AgendaPlan, type AgendaProblem, type AgendaSnapshot } from "./plan";
import { eventKey } from "./schedule-ids";

export type PreviewTalk = { guid?: string; title: string; startsAt: Date; endsAt: Date; track: string | null };
export type MovedTalk = PreviewTalk & { from: { startsAt: Date; endsAt: Date; track: string | null } };
export type RemovedTalk = PreviewTalk & { hasUserData: boolean };

export type AgendaPreview = {
  event: AgendaPlan["event"];
  counts: { days: number; tracks: number; talks: number; plenaryTalks: number; speakers: number };
  /** Present when the plan is compared with a stored agenda (a re-import). */
  changes?: {
    added: PreviewTalk[];
    updated: PreviewTalk[];
    moved: MovedTalk[];
    unchanged: number;
    /** Talks the file no longer has; those with notes (hasUserData) are kept, the others deleted. */
    removed: RemovedTalk[];
  };
  errors: AgendaProblem[];
  warnings: AgendaProblem[];
  canApply: boolean;
};

const brief = (t: PreviewTalk): PreviewTalk => ({
  ...(t.guid ? { guid: t.guid } : {}),
  title: t.title,
  startsAt: t.startsAt,
  endsAt: t.endsAt,
  track: t.track,
});

export function planToPreview(plan: AgendaPlan, existing?: AgendaSnapshot | null): AgendaPreview {
  const errors = agendaErrors(plan);
  const preview: AgendaPreview = {
    event: plan.event,
    counts: {
      days: plan.days.length,
      tracks: plan.tracks.length,
      talks: plan.talks.length,
      plenaryTalks: plan.talks.filter((t) => t.track === null).length,
      speakers: new Set(plan.talks.flatMap((t) => t.speakers)).size,
    },
    errors,
    warnings: agendaWarnings(plan),
    canApply: errors.length === 0,
  };
  if (!existing) return preview;
  const diff = diffAgendaTalks(plan.talks, existing.talks, { eventKey: eventKey(existing.event) });
  return {
    ...preview,
    changes: {
      added: diff.added.map(brief),
      updated: diff.matched.filter((m) => m.changed && !m.moved).map((m) => brief(m.planned)),
      moved: diff.matched
        .filter((m) => m.moved)
        .map((m) => ({
          ...brief(m.planned),
          from: { startsAt: m.existing.startsAt, endsAt: m.existing.endsAt, track: m.existing.track },
        })),
      unchanged: diff.matched.filter((m) => !m.moved && !m.changed).length,
      removed: diff.removed.map((e) => ({ ...brief(e), hasUserData: e.hasUserData ?? false })),
    },
  };
}

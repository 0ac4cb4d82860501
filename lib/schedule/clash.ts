export type Slotted = { id?: string; title: string; trackId: string | null; startsAt: Date; endsAt: Date };

/**
 * The first talk the candidate would overlap: the same track, or anything at all when either side
 * is a plenary (a plenary spans every track). Touching ends (13:40 / 13:40) do not overlap.
 */
export function findClash<T extends Slotted>(existing: T[], candidate: Slotted): T | null {
  for (const other of existing) {
    if (candidate.id && other.id === candidate.id) continue;
    const sameColumn = candidate.trackId === null || other.trackId === null || candidate.trackId === other.trackId;
    if (!sameColumn) continue;
    if (other.startsAt < candidate.endsAt && candidate.startsAt < other.endsAt) return other;
  }
  return null;
}

// An in-process cache that stays correct with several instances: entries are dropped when any
// instance publishes the cache's topic (lib/cluster/invalidation.ts), nothing is served or stored
// while the bus cannot vouch for it (listener down), and a value loaded while an invalidation
// arrived is returned but not kept (it may predate the change). The plug-in point for caches such
// as the agenda page's (issue 14):
//
//   const agendaCache = createInvalidatedCache({ topic: "agenda", load: (eventId) => loadAgenda(db, eventId) });
//   const agenda = await agendaCache.get(event.id);
//   … in the admin's write path, after the commit …
//   await agendaCache.invalidate(event.id);
import { invalidationBus, type InvalidationBus } from "./invalidation";

export type InvalidatedCache<V> = {
  get(key: string): Promise<V>;
  /** Drops `key` (or everything) here and on every other instance. */
  invalidate(key?: string): Promise<void>;
  size(): number;
};

export function createInvalidatedCache<V>({
  topic,
  load,
  ttlMs,
  maxEntries = 1000,
  bus = invalidationBus,
}: {
  topic: string;
  load: (key: string) => Promise<V>;
  /** A backstop on top of invalidation (e.g. for data that changes by time, not by writes). */
  ttlMs?: number;
  maxEntries?: number;
  bus?: () => InvalidationBus;
}): InvalidatedCache<V> {
  const entries = new Map<string, { value: V; storedAt: number }>();
  let subscribed = false;
  const ready = () => {
    const b = bus();
    if (!subscribed) {
      subscribed = true;
      b.subscribe(topic, ({ key, reset }) => (reset || key === null ? entries.clear() : entries.delete(key)));
    }
    return b;
  };
  return {
    async get(key) {
      const b = ready();
      const hit = entries.get(key);
      if (hit && b.isLive() && (ttlMs === undefined || Date.now() - hit.storedAt < ttlMs)) return hit.value;
      const before = b.epoch(topic);
      const value = await load(key);
      if (b.isLive() && b.epoch(topic) === before) {
        if (!entries.has(key) && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { value, storedAt: Date.now() });
      }
      return value;
    },
    invalidate: (key) => ready().publish(topic, key ?? null),
    size: () => entries.size,
  };
}

// Cross-instance invalidation for in-process caches. Several app instances share one PostgreSQL;
// when one of them changes something another may have cached, it publishes a topic (and
// optionally a key), and every instance's subscribers drop what they hold:
//
//   subscribe("agenda", ({ key, reset }) => (reset || !key ? cache.clear() : cache.delete(key)));
//   … after the write has committed …
//   await publish("agenda", eventId);
//
// PostgreSQL: one LISTEN connection per process on the channel `summit_invalidation`; publish is
// `pg_notify` (a NOTIFY reaches every listener on the same database within milliseconds). SQLite
// is one process by design: publish only reaches this process's subscribers.
//
// The bound (INVALIDATION_BOUND_MS): a publish reaches every other instance, or that instance has
// been told to drop everything (`reset: true`) and stops serving from its caches, within 2 s.
// Notifications are not stored: while the listener connection is down an instance misses them,
// so on losing it (noticed at once on a closed socket, or by a ping every PING_INTERVAL_MS with a
// PING_TIMEOUT_MS limit) every subscriber is reset and isLive() turns false until the LISTEN is
// back, when every subscriber is reset once more. A cache therefore stores and serves entries only
// while isLive(), and stores a loaded value only if epoch(topic) did not move during the load
// (lib/cluster/invalidated-cache.ts does both).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { resolveDatabaseUrl } from "../database-url";

export const INVALIDATION_CHANNEL = "summit_invalidation";
export const INVALIDATION_BOUND_MS = 2000;
const PING_INTERVAL_MS = 1000;
const PING_TIMEOUT_MS = 800;
const MAX_RECONNECT_DELAY_MS = 1000;
const TOPIC = /^[a-z][a-z0-9._-]{0,63}$/;
const MAX_KEY_LENGTH = 256;

export type Invalidation = {
  topic: string;
  /** The one entry to drop; null: every entry of the topic. */
  key: string | null;
  /** The listener was lost or is back: anything may have changed, drop everything. */
  reset: boolean;
};
export type Subscriber = (message: Invalidation) => void;

export interface InvalidationBus {
  readonly mode: "local" | "postgres";
  /** Tells every instance (this one at once, before the promise settles) to drop `topic` (or one key of it). */
  publish(topic: string, key?: string | null): Promise<void>;
  /** Calls `fn` for each invalidation of `topic` and for each reset; returns the unsubscribe. */
  subscribe(topic: string, fn: Subscriber): () => void;
  /** True while publishes of the other instances reach this one (always, on SQLite). */
  isLive(): boolean;
  /** Changes whenever `topic` is invalidated (any key) or reset: compare before and after a load. */
  epoch(topic: string): number;
  /** "off" (nothing subscribed yet, or SQLite), "listening" or "reconnecting". */
  status(): "off" | "listening" | "reconnecting";
  close(): Promise<void>;
}

type Options = { log?: (message: string) => void; pingIntervalMs?: number; pingTimeoutMs?: number };

function checkMessage(topic: string, key: string | null | undefined) {
  if (!TOPIC.test(topic))
    throw new Error(`invalidation topic must match ${TOPIC}: ${JSON.stringify(topic.slice(0, 80))}`);
  if (key != null && (key.length === 0 || key.length > MAX_KEY_LENGTH))
    throw new Error(`invalidation key must be 1–${MAX_KEY_LENGTH} characters`);
}

/** Subscribers and epochs, the part both modes share. */
function fanOut() {
  const subscribers = new Map<string, Set<Subscriber>>();
  const epochs = new Map<string, number>();
  let resets = 0;
  const bump = (topic: string) => epochs.set(topic, (epochs.get(topic) ?? 0) + 1);
  const call = (fn: Subscriber, message: Invalidation) => {
    try {
      fn(message);
    } catch (e) {
      console.error(`[invalidation] a subscriber of ${message.topic} threw`, e);
    }
  };
  return {
    subscribers,
    deliver(topic: string, key: string | null) {
      bump(topic);
      for (const fn of subscribers.get(topic) ?? []) call(fn, { topic, key, reset: false });
    },
    resetAll() {
      resets++;
      for (const [topic, fns] of subscribers) for (const fn of fns) call(fn, { topic, key: null, reset: true });
    },
    epoch: (topic: string) => resets * 1_000_000_000 + (epochs.get(topic) ?? 0),
    add(topic: string, fn: Subscriber) {
      checkMessage(topic, null);
      let set = subscribers.get(topic);
      if (!set) subscribers.set(topic, (set = new Set()));
      set.add(fn);
      return () => void set.delete(fn);
    },
  };
}

/** SQLite (one process): publish reaches this process's subscribers only. */
export function createLocalBus(): InvalidationBus {
  const hub = fanOut();
  return {
    mode: "local",
    async publish(topic, key = null) {
      checkMessage(topic, key);
      hub.deliver(topic, key);
    },
    subscribe: (topic, fn) => hub.add(topic, fn),
    isLive: () => true,
    epoch: hub.epoch,
    status: () => "off",
    close: async () => undefined,
  };
}

/** PostgreSQL: LISTEN/NOTIFY on INVALIDATION_CHANNEL of the database `url` names. */
export function createPostgresBus(
  url: string,
  {
    log = (m) => console.warn(`[invalidation] ${m}`),
    pingIntervalMs = PING_INTERVAL_MS,
    pingTimeoutMs = PING_TIMEOUT_MS,
  }: Options = {},
): InvalidationBus {
  const hub = fanOut();
  const origin = randomUUID();
  let publisher: pg.Pool | null = null;
  let listener: pg.Client | null = null;
  let live = false;
  let started = false;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;

  const onNotification = (n: pg.Notification) => {
    if (n.channel !== INVALIDATION_CHANNEL || !n.payload) return;
    let message: { o?: unknown; t?: unknown; k?: unknown };
    try {
      message = JSON.parse(n.payload) as typeof message;
    } catch {
      return; // not ours
    }
    if (message.o === origin || typeof message.t !== "string" || !TOPIC.test(message.t)) return;
    hub.deliver(message.t, typeof message.k === "string" ? message.k : null);
  };

  const lost = (client: pg.Client, why: string) => {
    if (listener !== client) return; // an old connection's late event
    listener = null;
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    client.removeAllListeners("notification");
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    if (closed) return;
    const wasLive = live;
    live = false;
    if (wasLive) {
      log(`listener lost (${why}); caches reset, reconnecting`);
      hub.resetAll();
    }
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 100 * 2 ** Math.min(failures++, 4));
    retryTimer = setTimeout(() => void connect(), delay);
    retryTimer.unref();
  };

  const connect = async () => {
    retryTimer = null;
    if (closed) return;
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: "summit-invalidation",
      connectionTimeoutMillis: pingTimeoutMs * 2,
    });
    listener = client;
    client.on("error", (e) => lost(client, e.message));
    client.on("end", () => lost(client, "connection ended"));
    client.on("notification", onNotification);
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (e) {
      lost(client, (e as Error).message);
      return;
    }
    if (closed || listener !== client) return;
    failures = 0;
    live = true;
    // Whatever was published while nobody listened is lost: start from empty caches.
    hub.resetAll();
    pingTimer = setInterval(() => void ping(client), pingIntervalMs);
    pingTimer.unref();
  };

  // A connection that died without a FIN (a cable pulled, a frozen server) is only noticed by using it.
  const ping = async (client: pg.Client) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(() => reject(new Error(`no answer to a ping in ${pingTimeoutMs} ms`)), pingTimeoutMs)),
    );
    try {
      await Promise.race([client.query("SELECT 1"), timeout]);
    } catch (e) {
      lost(client, (e as Error).message);
    } finally {
      clearTimeout(timer);
    }
  };

  const start = () => {
    if (started || closed) return;
    started = true;
    void connect();
  };

  return {
    mode: "postgres",
    async publish(topic, key = null) {
      checkMessage(topic, key);
      hub.deliver(topic, key);
      publisher ??= new pg.Pool({
        connectionString: url,
        max: 2,
        application_name: "summit-invalidation-publish",
        connectionTimeoutMillis: INVALIDATION_BOUND_MS / 2,
      });
      const payload = JSON.stringify({ o: origin, t: topic, k: key });
      // Retried within the bound: a publish that cannot be sent leaves other instances stale.
      const until = Date.now() + INVALIDATION_BOUND_MS;
      for (;;) {
        try {
          await publisher.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, payload]);
          return;
        } catch (e) {
          if (Date.now() >= until || closed)
            throw new Error(`invalidation of ${topic} not sent: ${(e as Error).message}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    subscribe(topic, fn) {
      const unsubscribe = hub.add(topic, fn);
      start();
      return unsubscribe;
    },
    isLive: () => live,
    epoch: hub.epoch,
    status: () => (!started ? "off" : live ? "listening" : "reconnecting"),
    async close() {
      closed = true;
      live = false;
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      const client = listener;
      listener = null;
      await Promise.all([client?.end().catch(() => undefined), publisher?.end().catch(() => undefined)]);
    },
  };
}

export function createInvalidationBus(databaseUrl: string | undefined, options?: Options): InvalidationBus {
  const target = resolveDatabaseUrl(databaseUrl);
  return target.isPostgres ? createPostgresBus(target.url, options) : createLocalBus();
}

// One bus per process, shared by every bundle (as lib/db.ts shares the Prisma client).
const KEY = Symbol.for("summit-notes.invalidation-bus");
type Slot = { [KEY]?: InvalidationBus };

/** This process's bus, on the database DATABASE_URL names. */
export function invalidationBus(): InvalidationBus {
  const slot = globalThis as Slot;
  return (slot[KEY] ??= createInvalidationBus(process.env.DATABASE_URL));
}

/** The bus if this process made one (the server closes it on shutdown, readiness reports it). */
export function existingInvalidationBus(): InvalidationBus | undefined {
  return (globalThis as Slot)[KEY];
}

export const publish = (topic: string, key?: string | null) => invalidationBus().publish(topic, key);
export const subscribe = (topic: string, fn: Subscriber) => invalidationBus().subscribe(topic, fn);

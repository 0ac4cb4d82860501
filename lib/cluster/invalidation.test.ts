// The cross-instance invalidation bus on a real PostgreSQL: two buses on one database are two
// instances (each its own LISTEN connection, as in production). SQLite: this process only.
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../testing/databases";
import { createInvalidatedCache } from "./invalidated-cache";
import { createInvalidationBus, INVALIDATION_BOUND_MS, type Invalidation, type InvalidationBus } from "./invalidation";

const open: InvalidationBus[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

function bus(url: string) {
  const b = createInvalidationBus(url, { log: () => undefined, pingIntervalMs: 300, pingTimeoutMs: 300 });
  open.push(b);
  return b;
}

async function until(what: string, check: () => boolean, timeoutMs = INVALIDATION_BOUND_MS): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

describe("invalidation bus [sqlite]", () => {
  it("reaches this process's subscribers at once, per topic, and unsubscribes", async () => {
    const b = bus(testDatabaseUrl("sqlite"));
    expect(b.mode).toBe("local");
    const got: Invalidation[] = [];
    const off = b.subscribe("agenda", (m) => got.push(m));
    b.subscribe("services", () => got.push({ topic: "wrong", key: null, reset: false }));
    const before = b.epoch("agenda");
    await b.publish("agenda", "event-1");
    expect(got).toEqual([{ topic: "agenda", key: "event-1", reset: false }]);
    expect(b.epoch("agenda")).not.toBe(before);
    off();
    await b.publish("agenda");
    expect(got).toHaveLength(1);
    expect(b.isLive()).toBe(true);
  });

  it("refuses topics and keys that could not travel (programming errors, not user input)", async () => {
    const b = bus(testDatabaseUrl("sqlite"));
    await expect(b.publish("Agenda Page")).rejects.toThrow(/topic/);
    await expect(b.publish("agenda", "x".repeat(300))).rejects.toThrow(/key/);
  });
});

describe("invalidation bus [postgres]", () => {
  it("a publish on instance A reaches instance B within the bound, and A's own subscribers once", async () => {
    const url = testDatabaseUrl("postgres");
    const a = bus(url);
    const b = bus(url);
    const onA: Invalidation[] = [];
    const onB: Invalidation[] = [];
    a.subscribe("agenda", (m) => onA.push(m));
    b.subscribe("agenda", (m) => onB.push(m));
    await until("both listening", () => a.isLive() && b.isLive(), 10_000);
    onA.length = 0;
    onB.length = 0; // the reset each gets on connecting

    await a.publish("agenda", "event-42");
    expect(onA).toEqual([{ topic: "agenda", key: "event-42", reset: false }]); // at once, locally
    const took = await until("B hears A", () => onB.length > 0);
    expect(onB).toEqual([{ topic: "agenda", key: "event-42", reset: false }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(onA, "A ignores its own notification coming back").toHaveLength(1);
    console.log(`[invalidation] A → B in ${took} ms`);
  });

  it("a lost listener resets B's subscribers and stops B's caches at once; the LISTEN comes back and messages flow again", async () => {
    const url = testDatabaseUrl("postgres");
    const a = bus(url);
    const b = bus(url);
    const onB: Invalidation[] = [];
    b.subscribe("agenda", (m) => onB.push(m));
    await until("B listening", () => b.isLive(), 10_000);
    onB.length = 0;

    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'summit-invalidation' AND datname = current_database()`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await until("B reset", () => onB.some((m) => m.reset));
    const back = await until(
      "B listening again",
      () => b.isLive() && b.status() === "listening",
      INVALIDATION_BOUND_MS,
    );
    console.log(`[invalidation] listener back ${back} ms after the reset`);
    onB.length = 0;
    await a.publish("agenda", "after");
    await until("B hears A after reconnecting", () => onB.some((m) => m.key === "after"));
  });

  it("a cache whose instance cannot listen (database unreachable) serves nothing from memory", async () => {
    const deaf = bus("postgresql://summit@127.0.0.1:9/unreachable");
    let loads = 0;
    const cache = createInvalidatedCache({ topic: "agenda", load: async () => ++loads, bus: () => deaf });
    expect(await cache.get("e")).toBe(1);
    expect(await cache.get("e")).toBe(2);
    expect(cache.size()).toBe(0);
    expect(deaf.status()).toBe("reconnecting");
  });

  it("an invalidated cache on B drops what A invalidates and never keeps a value loaded across an invalidation", async () => {
    const url = testDatabaseUrl("postgres");
    const a = bus(url);
    const b = bus(url);
    let source = "v1";
    let loads = 0;
    let gate: Promise<void> | null = null;
    const load = async () => {
      loads++;
      const value = source;
      if (gate) await gate;
      return value;
    };
    const onA = createInvalidatedCache({ topic: "agenda", load, bus: () => a });
    const onB = createInvalidatedCache({ topic: "agenda", load, bus: () => b });
    await onA.get("e");
    await onB.get("e");
    await until("both listening", () => a.isLive() && b.isLive(), 10_000);

    loads = 0;
    expect(await onB.get("e")).toBe("v1");
    expect(await onB.get("e")).toBe("v1");
    expect(loads, "B serves from its cache").toBe(1);

    source = "v2";
    await onA.invalidate("e");
    await until("B dropped e", () => onB.size() === 0);
    expect(await onB.get("e")).toBe("v2");

    // A load that straddles an invalidation returns what it read but does not keep it.
    let heardOnB = 0;
    b.subscribe("agenda", ({ reset }) => void (reset || heardOnB++));
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    await onA.invalidate("e");
    await until("B dropped e", () => onB.size() === 0);
    const slow = onB.get("e");
    await new Promise((r) => setTimeout(r, 20));
    source = "v3";
    await onA.invalidate("e");
    await until("B heard the second invalidation", () => heardOnB >= 2);
    await new Promise((r) => setTimeout(r, 100));
    open();
    gate = null;
    expect(await slow).toBe("v2");
    expect(onB.size(), "the value loaded across an invalidation is not kept").toBe(0);
    expect(await onB.get("e")).toBe("v3");
  });
});

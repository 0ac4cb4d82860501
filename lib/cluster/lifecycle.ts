// The life-cycle state of this server process, read by the readiness route (/api/ready) and set by
// the server (lib/cluster/server.ts) when it is told to stop. Kept on globalThis: the server runs
// outside Next's bundles and every route bundle has its own copy of this module, but the process
// is one. Under a plain `next start` (the e2e server, the benchmark's single instance) nobody sets
// it and the process is never "draining".
const KEY = Symbol.for("summit-notes.lifecycle");

export type LifecycleState = {
  /** Set once SIGTERM/SIGINT arrived: readiness fails, the listener closes, in-flight work finishes. */
  drainingSince: number | null;
  /** Requests being answered right now (counted by lib/cluster/server.ts). */
  inFlight: number;
};

type Slot = { [KEY]?: LifecycleState };

export function lifecycle(): LifecycleState {
  const slot = globalThis as Slot;
  return (slot[KEY] ??= { drainingSince: null, inFlight: 0 });
}

export function markDraining(now = Date.now()): void {
  const state = lifecycle();
  state.drainingSince ??= now;
}

export function isDraining(): boolean {
  return lifecycle().drainingSince !== null;
}

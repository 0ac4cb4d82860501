// Readiness: may a load balancer send this instance requests? Not while it is draining (SIGTERM
// arrived, lib/cluster/lifecycle.ts) and not while its database does not answer. Liveness is
// /api/health. The database check is bounded: an unreachable host must not hang the probe.
import type { Db } from "../db-client";
import { existingInvalidationBus } from "./invalidation";
import { isDraining } from "./lifecycle";

export const READINESS_DB_TIMEOUT_MS = 1500;

export type Readiness = {
  ready: boolean;
  draining: boolean;
  database: "ok" | "unreachable" | "not checked";
  /** The cross-instance invalidation listener (informational: caches bypass themselves while it is down). */
  invalidation: "off" | "listening" | "reconnecting";
};

async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(db: Db, { timeoutMs = READINESS_DB_TIMEOUT_MS } = {}): Promise<Readiness> {
  const invalidation = existingInvalidationBus()?.status() ?? "off";
  if (isDraining()) return { ready: false, draining: true, database: "not checked", invalidation };
  const ok = await databaseAnswers(db, timeoutMs);
  return { ready: ok, draining: false, database: ok ? "ok" : "unreachable", invalidation };
}

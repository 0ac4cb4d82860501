// SQLite writers must not wait on each other inside one server: the app keeps ONE connection per
// process (lib/db.ts). The production bundle instantiates lib/db.ts once per server layer (route
// handlers, pages/actions); each copy used to open its own connection, and a write on one then
// waited (busy timeout, 5 s) for a transaction on the other and failed with SQLITE_BUSY (seen in
// the e2e suite as "Something went wrong" on sign-up during a write-up import). Linux only (/proc).
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../db-client";
import { freePort } from "../testing/throwaway-postgres";
import { BENCH_PASSWORD, seedBenchData, signInCookie, startAppServer } from "../../scripts/bench/harness";
import { prepareDatabase } from "../../scripts/prepare-database";
import { opId, postSave, RELIABILITY_DIST_DIR, SKIP_REASON } from "./harness";

/** The process and all its descendants. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

function openHandles(pids: number[], file: string): number {
  let n = 0;
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) n++;
        } catch {
          // closed meanwhile
        }
      }
    } catch {
      // exited meanwhile
    }
  }
  return n;
}

describe.skipIf(!!SKIP_REASON || !existsSync("/proc/self/fd"))("one SQLite connection per server process", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "summit-connections-"));
  let db: Db | undefined;
  afterAll(async () => {
    await db?.$disconnect();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("pages, server actions and route handlers share one connection", { timeout: 120_000 }, async () => {
    const file = path.join(tmp, "connections.db");
    const url = `file:${file}`;
    await prepareDatabase(url, { log: () => undefined });
    db = createPrismaClient(url);
    const data = await seedBenchData(db, { prefix: "conn", users: 1, writers: 1, tracks: 2, slots: 2 });
    await db.$disconnect();
    db = undefined;
    const server = await startAppServer({ distDir: RELIABILITY_DIST_DIR!, port: await freePort(), databaseUrl: url });
    try {
      const cookie = await signInCookie(server.url, data.writers[0].email, BENCH_PASSWORD); // next-auth route
      expect((await fetch(`${server.url}/events/${data.agendaSlug}`, { headers: { cookie } })).status).toBe(200); // a page
      expect((await fetch(`${server.url}/sign-up`)).status).toBe(200);
      const save = await postSave(server.url, cookie, {
        noteId: data.writers[0].noteId,
        baseVersion: 1,
        body: "one connection",
        opId: opId(),
      }); // a route handler
      expect(save.status).toBe(200);
      expect(openHandles(processTree(server.proc.pid!), file)).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

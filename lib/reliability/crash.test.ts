// Crash: under a stream of note saves the production server is killed with SIGKILL. Every save it
// acknowledged (200) must be in the database afterwards, SQLite must pass PRAGMA integrity_check,
// and after a restart the saves that were in flight can be retried (same op id) without loss or
// double writes. Runs on SQLite (a fresh WAL file, as `npm start` prepares it) and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../db-client";
import { freePort } from "../testing/throwaway-postgres";
import { testDatabaseUrl, uniqueSuffix } from "../testing/databases";
import { BENCH_PASSWORD, seedBenchData, signInCookie, startAppServer } from "../../scripts/bench/harness";
import { prepareDatabase } from "../../scripts/prepare-database";
import { opId, postSave, RELIABILITY_DIST_DIR, SKIP_REASON } from "./harness";

const WRITERS = 12;

type Ack = { noteId: string; version: number; body: string; opId: string };
type Pending = { noteId: string; baseVersion: number; body: string; opId: string };

for (const provider of ["sqlite", "postgres"] as const) {
  describe.skipIf(!!SKIP_REASON)(`crash: SIGKILL under a stream of saves [${provider}]`, () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "summit-crash-"));
    let db: Db | undefined;
    afterAll(async () => {
      await db?.$disconnect();
      rmSync(tmp, { recursive: true, force: true });
    });

    it(
      "keeps every acknowledged save, stays consistent, and takes the in-flight saves again after a restart",
      { timeout: 180_000 },
      async () => {
        let url: string;
        if (provider === "sqlite") {
          url = `file:${path.join(tmp, "crash.db")}`;
          await prepareDatabase(url, { log: () => undefined });
        } else {
          url = testDatabaseUrl("postgres");
        }
        db = createPrismaClient(url);
        const data = await seedBenchData(db, {
          prefix: `crash${uniqueSuffix()}`,
          users: 3,
          writers: WRITERS,
          tracks: 1,
          slots: 1,
        });
        const port = await freePort();
        const server = await startAppServer({ distDir: RELIABILITY_DIST_DIR!, port, databaseUrl: url });
        const cookies = new Map<string, string>();
        for (const w of data.writers)
          if (!cookies.has(w.userId)) cookies.set(w.userId, await signInCookie(server.url, w.email, BENCH_PASSWORD));

        const acks: Ack[] = [];
        const pending = new Map<string, Pending>(); // per note: the save sent but not answered when the server died
        const statuses: number[] = [];
        let killed = false;
        const loops = data.writers.map(async (w, i) => {
          let version = 1;
          for (let n = 0; !killed; n++) {
            const save = {
              noteId: w.noteId,
              baseVersion: version,
              body: `writer ${i} save ${n}\n${"x".repeat(n % 50)}`,
              opId: opId(),
            };
            pending.set(w.noteId, save);
            try {
              const reply = await postSave(server.url, cookies.get(w.userId)!, save);
              statuses.push(reply.status);
              if (reply.status !== 200) throw new Error(`save answered ${reply.status}: ${reply.text}`);
              acks.push({ noteId: w.noteId, version: reply.json!.version!, body: save.body, opId: save.opId });
              pending.delete(w.noteId);
              version = reply.json!.version!;
            } catch (e) {
              if (killed) return; // the connection died with the server: this save stays pending
              throw e;
            }
          }
        });
        // Let a stream build up, then pull the plug mid-stream.
        while (acks.length < 150) await new Promise((r) => setTimeout(r, 20));
        killed = true;
        await server.kill("SIGKILL");
        await Promise.all(loops);
        expect(statuses.every((s) => s === 200)).toBe(true);

        if (provider === "sqlite") {
          const file = new Database(url.replace(/^file:/, ""));
          try {
            expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
            expect(file.pragma("journal_mode", { simple: true })).toBe("wal");
          } finally {
            file.close();
          }
        }

        // Every acknowledged save is there, as the revision it was acknowledged as.
        const noteIds = data.writers.map((w) => w.noteId);
        const revisions = await db.noteRevision.findMany({
          where: { noteId: { in: noteIds } },
          select: { noteId: true, version: true, body: true, clientOpId: true },
        });
        const byKey = new Map(revisions.map((r) => [`${r.noteId}:${r.version}`, r]));
        for (const ack of acks) {
          const rev = byKey.get(`${ack.noteId}:${ack.version}`);
          expect(rev, `acknowledged save ${ack.opId} (version ${ack.version})`).toBeDefined();
          expect(rev!.body).toBe(ack.body);
          expect(rev!.clientOpId).toBe(ack.opId);
        }
        // Notes and their histories agree: version N has revisions 1..N, no gaps, no extras.
        const notes = await db.note.findMany({
          where: { id: { in: noteIds } },
          select: { id: true, version: true, body: true },
        });
        for (const note of notes) {
          const versions = revisions
            .filter((r) => r.noteId === note.id)
            .map((r) => r.version)
            .sort((a, b) => a - b);
          expect(versions).toEqual(Array.from({ length: note.version }, (_, k) => k + 1));
          expect(byKey.get(`${note.id}:${note.version}`)!.body).toBe(note.body);
          const lastAck = Math.max(1, ...acks.filter((a) => a.noteId === note.id).map((a) => a.version));
          // At most the one in-flight save landed without its answer.
          expect(note.version - lastAck).toBeGreaterThanOrEqual(0);
          expect(note.version - lastAck).toBeLessThanOrEqual(1);
        }

        // Restart on the same database: the outbox retries what was in flight, with the same op id.
        const again = await startAppServer({
          distDir: RELIABILITY_DIST_DIR!,
          port,
          databaseUrl: url,
          secret: server.secret,
        });
        try {
          for (const [noteId, save] of pending) {
            const w = data.writers.find((x) => x.noteId === noteId)!;
            const reply = await postSave(again.url, cookies.get(w.userId)!, save);
            expect(reply.status, reply.text).toBe(200);
            const note = await db.note.findUniqueOrThrow({
              where: { id: noteId },
              select: { version: true, body: true },
            });
            expect(note.body).toBe(save.body);
            expect(note.version).toBe(save.baseVersion + 1);
            expect(await db.noteRevision.count({ where: { noteId, clientOpId: save.opId } })).toBe(1);
          }
        } finally {
          await again.stop();
        }
      },
    );
  });
}

// Concurrency against the production server: 50 clients each editing their own note, plus 10
// clients (tabs/devices of one author) editing the same note, all at once. No acknowledged write
// may be lost (each 200 is its own revision, with its text), racing saves on the shared note get
// 409 with the server's text, nothing answers 500, and SQLITE_BUSY never reaches a client.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../db-client";
import { testDatabaseUrl, uniqueSuffix } from "../testing/databases";
import { freePort } from "../testing/throwaway-postgres";
import { BENCH_PASSWORD, seedBenchData, signInCookie, startAppServer } from "../../scripts/bench/harness";
import { prepareDatabase } from "../../scripts/prepare-database";
import { opId, postSave, RELIABILITY_DIST_DIR, SKIP_REASON, type SaveReply } from "./harness";

const OWN_NOTE_CLIENTS = 50;
const SHARED_NOTE_CLIENTS = 10;
const SAVES_PER_CLIENT = 8;

type Ack = { noteId: string; version: number; body: string };

for (const provider of ["sqlite", "postgres"] as const) {
  describe.skipIf(!!SKIP_REASON)(
    `concurrency: ${OWN_NOTE_CLIENTS} + ${SHARED_NOTE_CLIENTS} clients [${provider}]`,
    () => {
      const tmp = mkdtempSync(path.join(os.tmpdir(), "summit-concurrency-"));
      let db: Db | undefined;
      afterAll(async () => {
        await db?.$disconnect();
        rmSync(tmp, { recursive: true, force: true });
      });

      it("loses no acknowledged write, reports conflicts as 409, never answers 500", { timeout: 180_000 }, async () => {
        let url: string;
        if (provider === "sqlite") {
          url = `file:${path.join(tmp, "concurrency.db")}`;
          await prepareDatabase(url, { log: () => undefined });
        } else {
          url = testDatabaseUrl("postgres");
        }
        db = createPrismaClient(url);
        // Users 0..49 own one note each; the shared note (writer 50) belongs to user 0 as well.
        const data = await seedBenchData(db, {
          prefix: `conc${uniqueSuffix()}`,
          users: OWN_NOTE_CLIENTS,
          writers: OWN_NOTE_CLIENTS + 1,
          tracks: 1,
          slots: 1,
        });
        const server = await startAppServer({
          distDir: RELIABILITY_DIST_DIR!,
          port: await freePort(),
          databaseUrl: url,
        });
        try {
          const cookies = new Map<string, string>();
          for (const w of data.writers)
            if (!cookies.has(w.userId)) cookies.set(w.userId, await signInCookie(server.url, w.email, BENCH_PASSWORD));

          const replies: SaveReply[] = [];
          const acks: Ack[] = [];
          const own = data.writers.slice(0, OWN_NOTE_CLIENTS);
          const shared = data.writers[OWN_NOTE_CLIENTS];

          const ownClient = async (w: (typeof own)[number], i: number) => {
            let version = 1;
            for (let n = 0; n < SAVES_PER_CLIENT; n++) {
              const body = `own ${i} save ${n}`;
              const reply = await postSave(server.url, cookies.get(w.userId)!, {
                noteId: w.noteId,
                baseVersion: version,
                body,
                opId: opId(),
              });
              replies.push(reply);
              if (reply.status === 200) {
                version = reply.json!.version!;
                acks.push({ noteId: w.noteId, version, body });
              }
            }
          };
          // Like the editor: save against the version last seen; on 409 take the server's version
          // (the merge UI would combine the texts) and save again.
          const sharedClient = async (c: number) => {
            let version = 1;
            let conflicts = 0;
            for (let n = 0; n < SAVES_PER_CLIENT; n++) {
              const body = `shared client ${c} save ${n}`;
              const reply = await postSave(server.url, cookies.get(shared.userId)!, {
                noteId: shared.noteId,
                baseVersion: version,
                body,
                opId: opId(),
              });
              replies.push(reply);
              if (reply.status === 200) {
                version = reply.json!.version!;
                acks.push({ noteId: shared.noteId, version, body });
              } else if (reply.status === 409) {
                conflicts++;
                expect(reply.json).toMatchObject({
                  status: "conflict",
                  serverVersion: expect.any(Number),
                  serverBody: expect.any(String),
                });
                version = reply.json!.serverVersion!;
              }
            }
            return conflicts;
          };

          const [, sharedConflicts] = await Promise.all([
            Promise.all(own.map(ownClient)),
            Promise.all(Array.from({ length: SHARED_NOTE_CLIENTS }, (_, c) => sharedClient(c))),
          ]);

          const statuses = replies.map((r) => r.status);
          expect(
            statuses.filter((s) => s !== 200 && s !== 409),
            replies
              .filter((r) => r.status !== 200 && r.status !== 409)
              .map((r) => r.text)
              .join("\n"),
          ).toEqual([]);
          expect(replies.filter((r) => /SQLITE_BUSY|database is locked|deadlock/i.test(r.text))).toEqual([]);
          // Own notes never conflict: every one of their saves was acknowledged.
          expect(acks.filter((a) => a.noteId !== shared.noteId)).toHaveLength(OWN_NOTE_CLIENTS * SAVES_PER_CLIENT);
          // Ten clients racing on one note: some saves must have been refused as conflicts.
          expect(sharedConflicts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

          // No lost acknowledged write: each acknowledgement is a distinct version whose revision
          // holds exactly that text, and every note's version counts exactly its acknowledged saves.
          const noteIds = data.writers.map((w) => w.noteId);
          const revisions = await db!.noteRevision.findMany({
            where: { noteId: { in: noteIds } },
            select: { noteId: true, version: true, body: true },
          });
          const byKey = new Map(revisions.map((r) => [`${r.noteId}:${r.version}`, r.body]));
          expect(new Set(acks.map((a) => `${a.noteId}:${a.version}`)).size).toBe(acks.length);
          for (const a of acks) expect(byKey.get(`${a.noteId}:${a.version}`), `${a.noteId} v${a.version}`).toBe(a.body);
          const notes = await db!.note.findMany({
            where: { id: { in: noteIds } },
            select: { id: true, version: true, body: true },
          });
          for (const note of notes) {
            const acked = acks.filter((a) => a.noteId === note.id);
            expect(note.version).toBe(1 + acked.length);
            expect(note.body).toBe(acked.find((a) => a.version === note.version)!.body);
          }
        } finally {
          await server.stop();
        }
        expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
      });
    },
  );
}

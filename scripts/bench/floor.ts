// The floor for the autosave benchmark: a bare node:http server doing the same database write as
// POST /api/notes (conditional note update + revision insert, in one transaction) with the same
// Prisma client and driver adapter (lib/db-client.ts), and nothing else: no framework, no session,
// no validation. Started by scripts/bench.ts:  DATABASE_URL=… PORT=… tsx scripts/bench/floor.ts
import { createPrismaClient } from "../../lib/db-client";
import { serveSaves, type FloorSave } from "./floor-server";

const db = createPrismaClient(process.env.DATABASE_URL);
const port = Number(process.env.PORT ?? 3201);

type Save = FloorSave;

async function save(input: Save) {
  return db.$transaction(async (tx) => {
    const updated = await tx.note.updateMany({
      where: { id: input.noteId, authorId: input.authorId, version: input.baseVersion },
      data: { body: input.body, version: input.baseVersion + 1 },
    });
    if (updated.count === 0) {
      const current = await tx.note.findUniqueOrThrow({
        where: { id: input.noteId },
        select: { version: true, body: true },
      });
      return {
        status: "conflict" as const,
        noteId: input.noteId,
        serverVersion: current.version,
        serverBody: current.body,
      };
    }
    await tx.noteRevision.create({
      data: {
        noteId: input.noteId,
        authorId: input.authorId,
        version: input.baseVersion + 1,
        body: input.body,
        clientOpId: input.opId,
      },
    });
    return { status: "saved" as const, noteId: input.noteId, version: input.baseVersion + 1 };
  });
}

serveSaves("floor", port, save, () => db.$disconnect());

// The floor for the autosave benchmark: a bare node:http server doing the same database write as
// POST /api/notes (conditional note update + revision insert, in one transaction) with the same
// Prisma client and driver adapter (lib/db-client.ts), and nothing else: no framework, no session,
// no validation. Started by scripts/bench.ts:  DATABASE_URL=… PORT=… tsx scripts/bench/floor.ts
import http from "node:http";
import { createPrismaClient } from "../../lib/db-client";

const db = createPrismaClient(process.env.DATABASE_URL);
const port = Number(process.env.PORT ?? 3201);

type Save = { opId: string; noteId: string; baseVersion: number; body: string; authorId: string };

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

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/health") {
    res.end("ok");
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let input: Save;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Save;
    } catch {
      res.writeHead(400).end();
      return;
    }
    save(input).then(
      (result) => {
        res.writeHead(result.status === "conflict" ? 409 : 200, { "content-type": "application/json" });
        res.end(JSON.stringify(result));
      },
      (e: unknown) => {
        console.error("[floor]", e);
        res.writeHead(500).end();
      },
    );
  });
});
server.listen(port, "127.0.0.1", () => console.log(`[floor] listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => db.$disconnect().then(() => process.exit(0))));

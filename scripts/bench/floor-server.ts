// The HTTP side shared by the bench's save floors (floor.ts: Prisma; raw-floor.ts: the bare
// drivers): POST a save as JSON, get 200 or 409 with the result; GET /health answers "ok".
import http from "node:http";

export type FloorSave = { opId: string; noteId: string; baseVersion: number; body: string; authorId: string };

export function serveSaves(
  name: string,
  port: number,
  save: (input: FloorSave) => Promise<{ status: string } & Record<string, unknown>>,
  close: () => Promise<unknown>,
) {
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      res.end("ok");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let input: FloorSave;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FloorSave;
      } catch {
        res.writeHead(400).end();
        return;
      }
      save(input).then(
        (result) => {
          res.writeHead(result.status === "conflict" ? 409 : 200, { "content-type": "application/json" });
          res.end(JSON.stringify({ ...result, noteId: input.noteId }));
        },
        (e: unknown) => {
          console.error(`[${name}]`, e);
          res.writeHead(500).end();
        },
      );
    });
  });
  server.listen(port, "127.0.0.1", () => console.log(`[${name}] listening on ${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => server.close(() => void close().then(() => process.exit(0))));
}

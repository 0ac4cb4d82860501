import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveNote } from "@/lib/data/notes";
import { parseOrThrow, readJsonBody, route } from "@/lib/http";
import { MAX_NOTE_BYTES, noteSaveInput } from "@/lib/validations/notes";

export const dynamic = "force-dynamic";

/**
 * Autosave / offline sync endpoint: 200 {status:"saved", noteId, version}, 409 {status:"conflict",
 * serverBody, serverVersion}, 401/404/413/422 with a message. A JSON route (not a server action)
 * so the outbox can retry it from anywhere, including the load benchmark.
 */
export const POST = route(async (req: Request) => {
  const started = performance.now();
  const user = await requireUser();
  // The session check's own cost, for `npm run bench` (issue 14 target: ≤ 0.5 ms).
  const session = `session;dur=${(performance.now() - started).toFixed(3)}`;
  const input = parseOrThrow(noteSaveInput, await readJsonBody(req, MAX_NOTE_BYTES * 2 + 4096));
  const result = await saveNote(db, user.id, input);
  return Response.json(result, { status: result.status === "conflict" ? 409 : 200, headers: { "Server-Timing": session } });
});

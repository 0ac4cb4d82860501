import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { answerNoteSave } from "@/lib/note-save-request";

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
  return answerNoteSave(db, req, user.id, { "Server-Timing": session });
});

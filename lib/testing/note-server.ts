// POST /api/notes in-process, for tests of the client's sync code (outbox, useNoteSync) below the
// browser: the route's own steps (the `route` wrapper, the bounded JSON body, `noteSaveInput`,
// `saveNote`) on a real database, as the user the test signs in, with the failures a real network
// and server produce injected where they happen: before the request arrives, after the save has
// committed (the acknowledgement is lost), a 5xx without saving, or a captive portal's 200 page.
import type { Db } from "../db-client";
import { AppError } from "../errors";
import { route } from "../http";
import { answerNoteSave } from "../note-save-request";

export type NetworkFault = "network-down" | "lost-ack" | "server-error" | "captive-portal";
export type SentSave = { opId: string; noteId?: string; baseVersion: number; body: string };

export function noteServer(db: Db) {
  let userId: string | null = null;
  const faults: NetworkFault[] = [];
  const sent: SentSave[] = [];
  // app/api/notes/route.ts's own steps, with the session replaced by the signed-in user of the test.
  const handle = route(async (req: Request) => {
    if (!userId) throw new AppError("UNAUTHENTICATED", "sign_in_required");
    return answerNoteSave(db, req, userId);
  });

  async function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const req = new Request(new URL(String(input instanceof Request ? input.url : input), "http://summit.test"), init);
    const fault = faults.shift();
    if (fault === "network-down") throw new TypeError("Failed to fetch");
    if (fault === "captive-portal")
      return new Response("<!doctype html><title>Sign in to the venue Wi-Fi</title>", {
        status: 200,
        headers: { "content-type": "text/html" },
      });
    const body = (await req.clone().json()) as SentSave;
    sent.push({ opId: body.opId, noteId: body.noteId, baseVersion: body.baseVersion, body: body.body });
    if (fault === "server-error") return Response.json({ error: "down", code: "INTERNAL" }, { status: 503 });
    const res = await handle(req, undefined);
    if (fault === "lost-ack") throw new TypeError("Failed to fetch");
    return res;
  }

  return {
    fetch,
    /** Every save that reached the server, in order (faults before arrival are not in it). */
    sent,
    signIn: (id: string) => void (userId = id),
    signOut: () => void (userId = null),
    /** The next requests fail this way, one fault per request. */
    failNext: (...next: NetworkFault[]) => void faults.push(...next),
  };
}

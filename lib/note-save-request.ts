import "server-only";
import type { Db } from "./db-client";
import { saveNote } from "./data/notes";
import { parseOrThrow, readJsonBody } from "./http";
import { MAX_NOTE_BYTES, noteSaveInput } from "./validations/notes";

/**
 * The body of POST /api/notes once the author is known: the bounded JSON body, `noteSaveInput`,
 * `saveNote`; 200 saved or 409 conflict. Shared by the route and the in-process test server
 * (lib/testing/note-server.ts), so the client sync tests exercise exactly the route's steps.
 */
export async function answerNoteSave(db: Db, req: Request, authorId: string, headers?: HeadersInit): Promise<Response> {
  const input = parseOrThrow(noteSaveInput, await readJsonBody(req, MAX_NOTE_BYTES * 2 + 4096));
  const result = await saveNote(db, authorId, input);
  return Response.json(result, { status: result.status === "conflict" ? 409 : 200, headers });
}

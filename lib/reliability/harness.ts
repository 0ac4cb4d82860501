// Helpers for the reliability tests: they run the production server (`next start` from a build),
// because that is what users hit. The build is not made here: set RELIABILITY_DIST_DIR to a build
// directory (scripts/test.sh runs these after `next build`); without it the tests are skipped.
import { randomBytes } from "node:crypto";
import { hasBuild } from "../../scripts/bench/harness";

export const RELIABILITY_DIST_DIR = process.env.RELIABILITY_DIST_DIR;
export const SKIP_REASON = !RELIABILITY_DIST_DIR
  ? "set RELIABILITY_DIST_DIR to a production build (e.g. RELIABILITY_DIST_DIR=.next after `next build`) to run the server reliability tests"
  : !hasBuild(RELIABILITY_DIST_DIR)
    ? `no production build in ${RELIABILITY_DIST_DIR} (BUILD_ID missing): run \`NEXT_DIST_DIR=${RELIABILITY_DIST_DIR} npx next build\` first`
    : null;
if (SKIP_REASON) console.warn(`[reliability] skipped: ${SKIP_REASON}`);

export type SaveReply = {
  status: number;
  text: string;
  json: { status?: string; version?: number; serverVersion?: number; duplicate?: boolean } | null;
};

export function opId(): string {
  return `op-${randomBytes(9).toString("base64url")}`;
}

/** POST /api/notes as the outbox does. Network errors (server killed) reject. */
export async function postSave(
  baseUrl: string,
  cookie: string,
  input: { noteId: string; baseVersion: number; body: string; opId: string },
): Promise<SaveReply> {
  const res = await fetch(`${baseUrl}/api/notes`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ ...input, eventId: "unused-for-existing-notes" }),
  });
  const text = await res.text();
  let json: SaveReply["json"] = null;
  try {
    json = JSON.parse(text) as SaveReply["json"];
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

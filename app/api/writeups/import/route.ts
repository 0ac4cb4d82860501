import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { applyWriteupImport, planWriteupImport } from "@/lib/data/writeup-import";
import { AppError } from "@/lib/errors";
import { assertUploadType, parseOrThrow, readBodyBytes, readJsonBody, route } from "@/lib/http";
import { writeupApplyInput, writeupPreviewOptions } from "@/lib/validations/writeups";
import { MAX_WRITEUP_BYTES } from "@/lib/writeup/types";

export const dynamic = "force-dynamic";

const mode = z.enum(["preview", "apply"]).default("preview");
const kb = (n: number) => Math.ceil(n / 1024).toLocaleString("en");

/**
 * Write-up import for any signed-in user (the same code as `npm run writeup:import`).
 * mode=preview: the body is the file's bytes (query: filename, timeZone, eventId) → { preview }.
 * mode=apply: the body is JSON (source + the user's choices per section) → 201 { summary }.
 */
export const POST = route(async (req: Request) => {
  const user = await requireUser();
  const url = new URL(req.url);
  if (parseOrThrow(mode, url.searchParams.get("mode") ?? undefined) === "apply") {
    // The source (≤ 1 MB) plus its edited copy per section, as JSON.
    const input = parseOrThrow(writeupApplyInput, await readJsonBody(req, 3 * MAX_WRITEUP_BYTES + 64 * 1024));
    const summary = await applyWriteupImport(db, user, input);
    return Response.json({ summary }, { status: 201 });
  }
  const options = parseOrThrow(writeupPreviewOptions, {
    fileName: url.searchParams.get("filename") || undefined,
    timeZone: url.searchParams.get("timeZone") || undefined,
    eventId: url.searchParams.get("eventId") || undefined,
  });
  assertUploadType(req);
  const tooLarge = (bytes: number) =>
    new AppError(
      "TOO_LARGE",
      `The write-up is ${kb(bytes)} KB; the limit is ${kb(MAX_WRITEUP_BYTES)} KB.`,
      { source: ["TOO_LARGE"] },
      { code: "TOO_LARGE" },
    );
  const bytes = await readBodyBytes(req, MAX_WRITEUP_BYTES, tooLarge);
  const preview = await planWriteupImport(db, user, bytes, options);
  return Response.json({ preview });
});

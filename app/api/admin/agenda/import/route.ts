import { z } from "zod";
import { oversizeMessage } from "@/lib/agenda/input";
import { MAX_AGENDA_BYTES } from "@/lib/agenda/plan";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { invalidateAgendas } from "@/lib/data/agenda-cache";
import { importAgenda } from "@/lib/data/agenda-import";
import { AppError } from "@/lib/errors";
import { assertUploadType, decodeUtf8, parseOrThrow, readBodyBytes, route } from "@/lib/http";
import { agendaImportOptions } from "@/lib/validations/agenda";

export const dynamic = "force-dynamic";

const query = z.object({
  filename: z.string().trim().min(1, "file_name_required").max(255),
  mode: z.enum(["preview", "apply"]).default("preview"),
});

/**
 * Admin-only agenda import (the admin page's upload; `importAgenda` is the one sequence, shared with
 * `npm run agenda:import`). Body: the file's text. Query: filename, mode=preview|apply, event, timeZone.
 */
export const POST = route(async (req: Request) => {
  await requireAdmin();
  const url = new URL(req.url);
  const { filename, mode } = parseOrThrow(query, {
    filename: url.searchParams.get("filename") ?? "",
    mode: url.searchParams.get("mode") ?? undefined,
  });
  const options = parseOrThrow(agendaImportOptions, {
    eventSlug: url.searchParams.get("event") || undefined,
    timeZone: url.searchParams.get("timeZone") || undefined,
  });
  assertUploadType(req);
  const bytes = await readBodyBytes(req, MAX_AGENDA_BYTES, (n) => new AppError("TOO_LARGE", oversizeMessage(n)));
  const text = decodeUtf8(bytes, "The file is not valid UTF-8 text.");
  const outcome = await importAgenda(db, { fileName: filename, text, ...options, mode });
  if (outcome.mode === "preview") return Response.json({ preview: outcome.preview });
  if (!outcome.summary)
    return Response.json(
      { error: "The file has problems; nothing was imported.", code: "INVALID", preview: outcome.preview },
      { status: 422 },
    );
  await invalidateAgendas();
  return Response.json({ summary: outcome.summary }, { status: 201 });
});

import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { buildNoteMarkdown } from "@/lib/data/writeup-export";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** One note as Markdown, for whoever may read it (its author, or its team while it is shared); else 404. */
export const GET = route(async (_req: Request, { params }: { params: Promise<{ noteId: string }> }) => {
  const user = await requireUser();
  const { noteId } = await params;
  const locale = (await getLocale()) === "en" ? "en" : "ko";
  const note = /^[A-Za-z0-9_-]{1,64}$/.test(noteId) ? await buildNoteMarkdown(db, user.id, noteId, locale) : null;
  if (!note) throw new AppError("NOT_FOUND", "note_not_found");
  return new Response(note.markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${note.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});

import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { buildEventWriteup } from "@/lib/data/writeup-export";
import { parseOrThrow, route } from "@/lib/http";
import { writeupExportOptions } from "@/lib/validations/writeups";

export const dynamic = "force-dynamic";

/** The signed-in user's notes (or a team's, with ?team=) of an event as a Markdown post: ?flavour=jekyll|hugo. */
export const GET = route(async (req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const user = await requireUser();
  const q = new URL(req.url).searchParams;
  const options = parseOrThrow(writeupExportOptions, {
    flavour: q.get("flavour") || undefined,
    teamId: q.get("team") || undefined,
    locale: q.get("locale") || (await getLocale()),
  });
  const post = await buildEventWriteup(db, user.id, (await params).slug, options);
  return new Response(post.markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${post.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});

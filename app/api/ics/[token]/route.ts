import { db } from "@/lib/db";
import { userByIcsToken } from "@/lib/data/stars";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { icsResponse, myAgendaIcs } from "@/lib/schedule/my-agenda-ics";

export const dynamic = "force-dynamic";

/** The personal calendar feed: the unguessable token is the credential; revoked tokens 404. */
export const GET = route(async (req: Request, { params }: { params: Promise<{ token: string }> }) => {
  const token = (await params).token.replace(/\.ics$/, "");
  const user = await userByIcsToken(db, token);
  if (!user) throw new AppError("NOT_FOUND", "feed_not_found");
  return icsResponse(await myAgendaIcs(db, user.id, new URL(req.url).origin));
});

import { db } from "@/lib/db";
import { userByIcsToken } from "@/lib/data/stars";
import { icsResponse, myAgendaIcs } from "@/lib/schedule/my-agenda-ics";

export const dynamic = "force-dynamic";

/** The personal calendar feed: the unguessable token is the credential; revoked tokens 404. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.replace(/\.ics$/, "");
  const user = await userByIcsToken(db, token);
  if (!user) return Response.json({ error: "Unknown or revoked feed" }, { status: 404 });
  return icsResponse(await myAgendaIcs(db, user.id, new URL(req.url).origin));
}

import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { icsResponse, myAgendaIcs } from "@/lib/schedule/my-agenda-ics";

export const dynamic = "force-dynamic";

/** One-off download of the signed-in user's starred talks. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  return icsResponse(await myAgendaIcs(db, user.id, new URL(req.url).origin), "my-agenda.ics");
}

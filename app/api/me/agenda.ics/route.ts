import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { icsResponse, myAgendaIcs } from "@/lib/schedule/my-agenda-ics";

export const dynamic = "force-dynamic";

/** One-off download of the signed-in user's starred talks. */
export const GET = route(async (req: Request) => {
  const user = await requireUser();
  return icsResponse(await myAgendaIcs(db, user.id, new URL(req.url).origin), "my-agenda.ics");
});

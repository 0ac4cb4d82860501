import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { exportUser } from "@/lib/data/backup";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in user's own data as a versioned JSON backup (see lib/data/backup.ts for what is in it). */
export const GET = route(async () => {
  const user = await requireUser();
  const backup = await exportUser(db, user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(backup, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="summit-notes-backup-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});

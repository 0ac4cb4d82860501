import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { exportInstance } from "@/lib/data/backup";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Admins: every table of the instance (password hashes included) as a versioned JSON backup. */
export const GET = route(async () => {
  await requireAdmin();
  const backup = await exportInstance(db);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(backup), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="summit-notes-instance-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});

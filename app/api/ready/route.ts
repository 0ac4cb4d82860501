import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/cluster/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers and orchestrators: 200 while this instance should get traffic, 503
 * while it drains (after SIGTERM) or its database does not answer. /api/health is liveness.
 */
export async function GET() {
  const readiness = await checkReadiness(db);
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

/**
 * For load balancers and the test runner: 200 when the app answers and its database does, 503
 * (the app itself still up) while the database is away. A lost connection is replaced on the next
 * query, so this turns back to 200 by itself once the database is back.
 */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true, database: "up" }, { headers });
  } catch {
    return Response.json(
      { ok: false, database: "unavailable", error: "database_unavailable" },
      { status: 503, headers },
    );
  }
}

import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the test runner: the app answers and its database does. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false, error: "database_unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}

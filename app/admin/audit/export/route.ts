import { requestContextFrom } from "@/lib/audit/request-context";
import { auditCsvStream } from "@/lib/audit/csv";
import { exportAuditEvents } from "@/lib/dal/audit-log";
import { getViewer, isStaff } from "@/lib/dal/session";
import { parseAuditLogFilter } from "@/lib/schemas/audit-log";

/** GET /admin/audit/export?actor=…&action=…&request=…&from=…&to=… — the filtered events as CSV. */
export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  // Staff only; anyone else gets the same 404 as an unknown address.
  if (!viewer || !isStaff(viewer))
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const { filter, problems } = parseAuditLogFilter(new URL(request.url).searchParams);
  if (problems.length > 0) {
    return new Response(problems.join("\n"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const events = await exportAuditEvents(viewer, filter, requestContextFrom(request.headers));
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new Response(auditCsvStream(events), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

import { Readable } from "node:stream";
import { requestContextFrom } from "@/lib/audit/request-context";
import { openMandateForStaff } from "@/lib/dal/mandates";
import { getViewer } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * GET /admin/requests/<id>/mandate: the mandate an agent uploaded, for staff only (anyone else
 * gets the same 404 as an unknown address), never cached. Images open in the browser; a PDF is a
 * download, opened in the reader's own viewer rather than inside the console's origin.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const viewer = await getViewer();
  const mandate = viewer ? await openMandateForStaff(viewer, id, requestContextFrom(request.headers)) : null;
  if (!mandate) return new Response("Not found", { status: 404, headers: NO_STORE });
  const disposition = mandate.contentType === "application/pdf" ? "attachment" : "inline";
  return new Response(Readable.toWeb(mandate.stream) as ReadableStream, {
    headers: {
      ...NO_STORE,
      "Content-Type": mandate.contentType,
      "Content-Length": String(mandate.size),
      "Content-Disposition": `${disposition}; filename="${mandate.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      // Whatever it is, it runs nothing in our origin.
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'",
    },
  });
}

import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { requestContextFrom } from "@/lib/audit/request-context";
import { authorizeDownload, currentSessionStartedAt, recordDownload } from "@/lib/dal/downloads";
import { getViewer } from "@/lib/dal/session";
import { portalAddress } from "@/lib/http/portal-url";
import { getBlobStore } from "@/lib/storage";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Streams the customer's archive. Links point at the download page one level up, which explains
 * every refusal in the customer's language and sends an allowed download here; this route checks
 * everything again (it is the door to the file) and sends any refusal back to that page, on the
 * portal's public address (behind a proxy, the request's own is Next.js's localhost:port).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const explain = () =>
    NextResponse.redirect(portalAddress(`/privacy-center/requests/${id}/download${url.search}`), { headers: NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return explain();
  const decision = await authorizeDownload(
    viewer,
    id,
    url.searchParams.get("token") ?? "",
    await currentSessionStartedAt(),
  );
  if (decision.kind === "not-found") return new NextResponse(null, { status: 404, headers: NO_STORE });
  if (decision.kind !== "ok") return explain();
  const object = await getBlobStore().get(decision.archive.storageKey);
  if (!object)
    return NextResponse.redirect(portalAddress(`/privacy-center/requests/${id}?download=expired`), {
      headers: NO_STORE,
    });
  await recordDownload(viewer, id, decision.archive.id, requestContextFrom(request.headers));
  return new Response(Readable.toWeb(object.stream) as ReadableStream, {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/zip",
      "Content-Length": String(object.size),
      "Content-Disposition": `attachment; filename="${decision.reference}.zip"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

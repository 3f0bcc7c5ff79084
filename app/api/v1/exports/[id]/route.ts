import { notFound, withViewer } from "@/lib/api/handler";
import { downloadLinkFor } from "@/lib/dal/downloads";
import { findOwnPrivacyRequest } from "@/lib/dal/privacy-requests";
import { presentPrivacyRequest } from "@/lib/requests/present";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/:id: status, per-source progress and, when ready, a short-lived download link. */
export const GET = withViewer<{ id: string }>(async (request, { viewer, params }) => {
  const found = await findOwnPrivacyRequest(viewer, params.id);
  if (!found) throw notFound();
  const presented = presentPrivacyRequest(found);
  const download = downloadLinkFor(found);
  return Response.json(
    {
      ...presented,
      download: download
        ? { url: new URL(download.path, request.url).toString(), expiresAt: download.expiresAt.toISOString() }
        : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

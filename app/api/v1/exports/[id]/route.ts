import { notFound, withViewer } from "@/lib/api/handler";
import { downloadLinkFor } from "@/lib/dal/downloads";
import { findOwnPrivacyRequest } from "@/lib/dal/privacy-requests";
import { portalAddress } from "@/lib/http/portal-url";
import { presentPrivacyRequest } from "@/lib/requests/present";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/:id: status, per-source progress and, when ready, a short-lived download link. */
export const GET = withViewer<{ id: string }>(async (_request, { viewer, params }) => {
  const found = await findOwnPrivacyRequest(viewer, params.id);
  if (!found) throw notFound();
  const presented = presentPrivacyRequest(found);
  const download = downloadLinkFor(found);
  return Response.json(
    {
      ...presented,
      // On the portal's public address: behind a proxy, the request's own is Next.js's (localhost:port).
      download: download ? { url: portalAddress(download.path), expiresAt: download.expiresAt.toISOString() } : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

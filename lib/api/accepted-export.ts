import type { SubmittedRequest } from "@/lib/requests/create-privacy-request";

/** 202 Accepted for a new export: where its status is, for the API and for a person. */
export function acceptedExport(created: SubmittedRequest): Response {
  return Response.json(
    {
      id: created.id,
      reference: created.reference,
      status: created.status,
      dueAt: created.dueAt.toISOString(),
      links: { self: `/api/v1/exports/${created.id}`, status: `/privacy-center/requests/${created.id}` },
    },
    { status: 202, headers: { "Cache-Control": "no-store", Location: `/api/v1/exports/${created.id}` } },
  );
}

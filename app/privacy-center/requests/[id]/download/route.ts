import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { requestContextFrom } from "@/lib/audit/request-context";
import { authorizeDownload, currentSessionStartedAt, recordDownload } from "@/lib/dal/downloads";
import { getViewer } from "@/lib/dal/session";
import { getBlobStore } from "@/lib/storage";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** Streams the customer's archive; every refusal lands on a page that says what to do next. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  const signIn = (reason?: string) =>
    NextResponse.redirect(new URL(`/sign-in?${new URLSearchParams({ callbackUrl: here, ...(reason ? { reason } : {}) })}`, url), { headers: NO_STORE });

  const viewer = await getViewer();
  if (!viewer) return signIn();
  const decision = await authorizeDownload(viewer, id, url.searchParams.get("token") ?? "", await currentSessionStartedAt());
  switch (decision.kind) {
    case "not-found":
      return new NextResponse("Not found", { status: 404, headers: NO_STORE });
    case "step-up":
      return signIn("step-up");
    case "invalid-link":
    case "expired":
      return NextResponse.redirect(new URL(`/privacy-center/requests/${id}?download=${decision.kind}`, url), { headers: NO_STORE });
  }
  const object = await getBlobStore().get(decision.archive.storageKey);
  if (!object) return NextResponse.redirect(new URL(`/privacy-center/requests/${id}?download=expired`, url), { headers: NO_STORE });
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

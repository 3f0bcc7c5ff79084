import { notFound, redirect } from "next/navigation";
import { authorizeDownload, currentSessionStartedAt } from "@/lib/dal/downloads";
import { requireViewer } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

/**
 * Where download links (the "ready" email, the status page, the API) lead. Every refusal lands on
 * a page that says what to do next; an allowed download goes on to the file route.
 */
export default async function DownloadPage({
  params,
  searchParams,
}: PageProps<"/privacy-center/requests/[id]/download">) {
  const { id } = await params;
  const { token } = await searchParams;
  const query = `?${new URLSearchParams({ token: typeof token === "string" ? token : "" })}`;
  const here = `/privacy-center/requests/${id}/download${query}`;
  const viewer = await requireViewer(here);
  const decision = await authorizeDownload(
    viewer,
    id,
    typeof token === "string" ? token : "",
    await currentSessionStartedAt(),
  );
  switch (decision.kind) {
    case "not-found":
      notFound(); // another account's link, or none at all: ./not-found.tsx, which reveals nothing about it
    case "step-up":
      redirect(`/sign-in?${new URLSearchParams({ callbackUrl: here, reason: "step-up" })}`);
    case "invalid-link":
    case "expired":
    case "withheld":
      redirect(`/privacy-center/requests/${id}?download=${decision.kind}`);
    case "ok":
      redirect(`/privacy-center/requests/${id}/download/file${query}`);
  }
}

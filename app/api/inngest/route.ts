import { serve } from "inngest/next";
import { inngest, jobsMode } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// Production: Inngest calls this endpoint to run each step (requests are signed with
// INNGEST_SIGNING_KEY). In embedded mode the worker drives the same functions in-process, and
// this endpoint must not answer: the client is in dev mode there, which skips signature checks,
// so anyone could start a function with an event of their choosing.
const handlers = serve({ client: inngest, functions });

function notServed(): Response {
  return new Response(null, { status: 404 });
}

export const GET = jobsMode === "inngest" ? handlers.GET : notServed;
export const POST = jobsMode === "inngest" ? handlers.POST : notServed;
export const PUT = jobsMode === "inngest" ? handlers.PUT : notServed;

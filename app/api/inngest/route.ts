import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// Production: Inngest calls this endpoint to run each step. In embedded mode nothing calls it;
// the worker drives the same functions in-process.
export const { GET, POST, PUT } = serve({ client: inngest, functions });

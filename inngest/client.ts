// The functions, the serve route (app/api/inngest) and the worker take the client from here; it is
// built in lib/events/client.ts, since the outbox in lib/ sends through it (lib/ never imports inngest/).
export { inngest, jobsMode } from "@/lib/events/client";

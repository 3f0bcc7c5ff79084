import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCompany } from "@/prisma/demo-company";
import {
  inngestSignature,
  signedInvoker,
  signRequestBody,
  startFakeInngestEventApi,
} from "@/test/fakes/inngest-server";

// The production path of the workflows: the portal configured for Inngest (INNGEST_EVENT_KEY,
// INNGEST_SIGNING_KEY) sends its events to Inngest's event API and serves its functions at
// /api/inngest, which only answers calls signed with the signing key. Inngest itself is replaced
// by local fakes of its event API and its executor (test/fakes/inngest-server.ts), so moving from
// one machine to Inngest is a configuration change this test proves.

const eventKey = "test-event-key";
const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
const eventApi = await startFakeInngestEventApi({ eventKey });
Object.assign(process.env, {
  INNGEST_EVENT_KEY: eventKey,
  INNGEST_SIGNING_KEY: signingKey,
  INNGEST_BASE_URL: eventApi.url,
  INNGEST_DEV: "0", // cloud mode: signatures are checked
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "portal-inngest-")),
});
// Imported once the variables are set: the client and the route read them when loaded.
const { reloadEnv } = await import("@/lib/env");
reloadEnv();
const { db } = await import("@/lib/db");
const { inngest, jobsMode } = await import("@/inngest/client");
const { functions } = await import("./index");
const route = await import("@/app/api/inngest/route");
// The App Router calls a route handler with the request (and a context this route does not use).
type Handler = (request: Request) => Promise<Response>;
const [GET, POST] = [route.GET as unknown as Handler, route.POST as unknown as Handler];
const { drainJobs } = await import("@/lib/jobs/worker");
const { fireCronTicks } = await import("@/lib/jobs/cron");
const { describeJobs } = await import("@/lib/jobs/functions");
const { queueExport } = await import("@/lib/requests/queue-export");
const { createApprovedRequest } = await import("@/test/factories");

const invoke = signedInvoker(POST, signingKey);

/** The executor: takes the events Inngest received, runs what they trigger through /api/inngest. */
async function runReceivedEvents() {
  const events = eventApi.received.splice(0);
  await db.jobEvent.createMany({
    data: events.map((e) => ({ id: e.id, name: e.name, data: e.data as object })),
    skipDuplicates: true,
  });
  await drainJobs({ db, client: inngest, functions, invoke, backoffMs: 5 }, 120_000);
}
const status = async (id: string) => (await db.privacyRequest.findUniqueOrThrow({ where: { id } })).status;
const readyEmails = (to: string) =>
  db.outboxEmail.count({ where: { to, subject: { startsWith: "Your data is ready" } } });

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
});
afterAll(() => eventApi.close());

describe("workflows on Inngest (production configuration)", () => {
  it("serves /api/inngest and refuses calls that are unsigned or signed with another key", async () => {
    expect(jobsMode).toBe("inngest");
    const introspect = (headers: Record<string, string> = {}) =>
      GET(new Request("https://portal.example/api/inngest", { headers: { host: "portal.example", ...headers } }));
    expect((await introspect()).status).toBe(401);
    const introspection = await introspect({ "x-inngest-signature": inngestSignature(signingKey, "") });
    expect(introspection.status).toBe(200);
    expect(await introspection.json()).toMatchObject({
      mode: "cloud",
      function_count: functions.length,
      has_event_key: true,
      has_signing_key: true,
    });

    const body = JSON.stringify({
      event: { name: "privacy/request.approved", data: {} },
      events: [],
      steps: {},
      ctx: { run_id: "x", attempt: 0, stack: { stack: [], current: 0 } },
      version: 2,
    });
    const call = (headers: Record<string, string>) =>
      POST(
        new Request("https://portal.example/api/inngest?fnId=privacy-portal-export-request&stepId=step", {
          method: "POST",
          body,
          headers: { host: "portal.example", "content-type": "application/json", ...headers },
        }),
      );
    const unsigned = await call({});
    const forged = await call({
      "x-inngest-signature": signRequestBody(`signkey-test-${randomBytes(32).toString("hex")}`, body),
    });
    const tampered = await call({ "x-inngest-signature": inngestSignature(signingKey, "{}") });
    for (const response of [unsigned, forged, tampered]) expect(response.status).toBe(401);
    expect(await db.jobStep.count()).toBe(0);
  });

  it("takes an approved request to READY through signed calls: one archive, one email", async () => {
    const request = await createApprovedRequest("alex@example.com", { sourceKeys: ["profile", "orders"] });
    await queueExport(request.id);
    expect(eventApi.received.map((e) => e.name)).toEqual(["privacy/request.approved"]);
    await runReceivedEvents();
    expect(await status(request.id)).toBe("READY");
    expect(await db.exportArchive.count({ where: { requestId: request.id } })).toBe(1);
    expect(await readyEmails("alex@example.com")).toBe(1);
    expect(await db.outboxEvent.count({ where: { sentAt: null } })).toBe(0);
  });

  it("an event whose send fails after the commit is re-sent by the outbox sweep, and the request still reaches READY", async () => {
    const request = await createApprovedRequest("sam@example.com", { sourceKeys: ["profile"] });
    eventApi.setFailing(true);
    await queueExport(request.id); // commits; the relay right after it fails and is left to the sweep
    eventApi.setFailing(false);
    expect(eventApi.received).toEqual([]);
    expect(await db.outboxEvent.findFirstOrThrow({ where: { sentAt: null } })).toMatchObject({
      name: "privacy/request.approved",
      attempts: 1,
    });

    // A minute later the relay-outbox schedule fires (the sweep leaves events younger than 30 s).
    await db.$executeRaw`UPDATE "OutboxEvent" SET "createdAt" = now() - interval '1 minute' WHERE "sentAt" IS NULL`;
    const sweep = describeJobs(
      functions.filter((fn) => fn.id() === "relay-outbox"),
      inngest.id,
    );
    expect(await fireCronTicks(db, sweep)).toBe(1);
    await drainJobs({ db, client: inngest, functions, invoke, backoffMs: 5 });
    expect(eventApi.received.map((e) => e.name)).toEqual(["privacy/request.approved"]);

    await runReceivedEvents();
    expect(await status(request.id)).toBe("READY");
    expect(await readyEmails("sam@example.com")).toBe(1);
  });
});

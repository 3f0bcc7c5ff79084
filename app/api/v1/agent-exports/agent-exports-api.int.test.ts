import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { MANDATE_MAX_BYTES } from "@/lib/mandates/mandate-fields";
import { pdfWithEscapedScript, plainPdf, png, zipBomb } from "@/lib/mandates/testing/mandate-files";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { signedIn } from "@/test/factories";
import { browserRequest, callRoute } from "@/test/next-request";
import { POST } from "./route";

// The agent's request over HTTP, multipart with the mandate file: every refused upload answers a
// 4xx with a stable code and a clear message, and leaves nothing behind (no rows, no object).

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-agent-api-"));
reloadEnv();

async function post(
  cookie: string,
  mandate: Buffer | null,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries({
    type: "ACCESS",
    subjectEmail: "sam@example.com",
    relationship: "AUTHORISED_AGENT",
    ...fields,
  }))
    form.append(key, value);
  if (mandate) form.append("mandate", new File([new Uint8Array(mandate)], "mandate.png", { type: "image/png" }));
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const request = browserRequest("/api/v1/agent-exports", {
    method: "POST",
    cookie,
    headers: { "content-type": encoded.headers.get("content-type")!, "sec-fetch-site": "same-origin", ...headers },
  });
  const response = await callRoute(POST, new Request(request, { body, duplex: "half" } as RequestInit));
  return {
    status: response.status,
    body: (await response.json()) as { id?: string; error?: { code: string; message: string } },
  };
}

async function mandateObjects(): Promise<number> {
  let count = 0;
  for await (const _ of getBlobStore().list("mandates/")) count += 1;
  return count;
}

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
});

describe("POST /api/v1/agent-exports", () => {
  it("accepts a request for someone else with a plain mandate: 202 and where to follow it", async () => {
    const { cookie } = await signedIn("api-agent@example.net");
    const sent = await post(cookie, png(600, 800));
    expect(sent.status).toBe(202);
    expect(await db.requestMandate.findUniqueOrThrow({ where: { requestId: sent.body.id! } })).toMatchObject({
      subjectEmail: "sam@example.com",
      contentType: "image/png",
    });
  });

  it("refuses a bad mandate with a 4xx, a stable code and a clear message, and stores nothing", async () => {
    const { cookie, user } = await signedIn("api-bad@example.net");
    const before = await mandateObjects();
    const cases: [Buffer | null, number, string, string][] = [
      [zipBomb(), 415, "mandate_unsupported_type", "must be a PDF, PNG or JPEG"],
      [pdfWithEscapedScript(), 422, "mandate_refused", "contains scripts or actions"],
      [png(50_000, 50_000), 422, "mandate_refused", "far larger than a scanned page"],
      [Buffer.concat([plainPdf(), Buffer.alloc(MANDATE_MAX_BYTES)]), 413, "mandate_too_large", "larger than 10 MB"],
      [null, 400, "invalid_request", "not valid"],
    ];
    for (const [mandate, status, code, message] of cases) {
      const sent = await post(cookie, mandate);
      expect(sent, code).toMatchObject({
        status,
        body: { error: { code, message: expect.stringContaining(message) } },
      });
    }
    // A body far over the limit is stopped as it arrives.
    const huge = await post(cookie, Buffer.alloc(MANDATE_MAX_BYTES + 1024 * 1024));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: "body_too_large" } } });
    expect(await db.privacyRequest.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.requestMandate.count({ where: { agentUserId: user.id } })).toBe(0);
    expect(await mandateObjects()).toBe(before);
  });

  it("takes multipart only, from the portal's own pages, for a signed-in person", async () => {
    const { cookie } = await signedIn("api-cross@example.net");
    expect(await post(cookie, png(), {}, { "sec-fetch-site": "cross-site" })).toMatchObject({
      status: 403,
      body: { error: { code: "cross_site_request" } },
    });
    expect(await post("authjs.session-token=nope", png())).toMatchObject({ status: 401 });
  });
});

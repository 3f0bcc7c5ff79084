import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { MANDATE_MAX_BYTES } from "@/lib/mandates/mandate-fields";
import {
  pdfWithCompressedScript,
  pdfWithOpenActionScript,
  plainPdf,
  png,
  zipBomb,
} from "@/lib/mandates/testing/mandate-files";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { signedIn } from "@/test/factories";
import { browserRequest, serve } from "@/test/next-request";
import { submitPrivacyRequestAction } from "./privacy-requests";

// "I am asking for someone else" as the browser posts it: a multipart form with the mandate
// file, a real Auth.js session, the blob store and the database underneath. A refused upload
// stores nothing: no request, no mandate row, no audit event, no object in the blob store.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-agent-form-"));
reloadEnv();

type Fields = Record<string, string | string[] | File>;

function form(fields: Fields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of value instanceof File ? [value] : [value].flat()) data.append(key, item);
  }
  return data;
}

const file = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const request = {
  type: "ACCESS",
  formats: ["JSON", "CSV"],
  confirm: "yes",
  onBehalf: "yes",
  relationship: "PARENT_OR_GUARDIAN",
};
const submit = (cookie: string, fields: Fields) =>
  serve(browserRequest("/privacy-center/request", { method: "POST", cookie }), () =>
    submitPrivacyRequestAction(null, form(fields)),
  );

async function storedMandates(): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of getBlobStore().list("mandates/")) keys.push(object.key);
  return keys;
}

async function nothingStoredFor(userId: string, blobsBefore: string[]) {
  expect(await db.privacyRequest.count({ where: { userId } })).toBe(0);
  expect(await db.requestMandate.count({ where: { agentUserId: userId } })).toBe(0);
  expect(
    await db.auditEvent.count({
      where: { actorId: userId, action: { in: ["request.submitted", "mandate.received"] } },
    }),
  ).toBe(0);
  expect(await storedMandates()).toEqual(blobsBefore);
}

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
});
beforeEach(() => {
  process.env.IDENTITY_AUTO_APPROVE = "true";
  reloadEnv();
});

describe("asking for someone else with a mandate", () => {
  it("stores the mandate privately under server-side ids, and the request waits for a reviewer even with auto-approval on", async () => {
    const { cookie, user } = await signedIn("parent@example.net");
    const mandate = plainPdf();
    const sent = await submit(cookie, {
      ...request,
      subjectEmail: " Casey@Example.com ",
      mandate: file(mandate, "../../etc/passwd.pdf", "text/plain"),
    });
    const created = await db.privacyRequest.findFirstOrThrow({
      where: { userId: user.id },
      include: { mandate: true, identityCheck: true },
    });
    expect(sent).toMatchObject({ redirectedTo: `/privacy-center/requests/${created.id}` });
    // casey@example.com matches exactly one customer: an own request would be approved at once.
    expect(created).toMatchObject({ byAgent: true, status: "IDENTITY_REVIEW", subjectId: null });
    expect(created.identityCheck).toMatchObject({ method: "AGENT_MANDATE", status: "PENDING" });
    expect(created.mandate).toMatchObject({
      subjectEmail: "casey@example.com",
      relationship: "PARENT_OR_GUARDIAN",
      contentType: "application/pdf",
      sizeBytes: mandate.byteLength,
    });
    // Typed by its bytes, named by ids: the file's name and the browser's type play no part.
    expect(created.mandate!.storageKey).toBe(`mandates/${created.id}/${created.mandate!.id}.pdf`);
    const object = await getBlobStore().get(created.mandate!.storageKey);
    expect(object?.size).toBe(mandate.byteLength);
    const events = await db.auditEvent.findMany({ where: { requestId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["request.submitted", "mandate.received"]);
    expect(events[1]!.metadata).toMatchObject({ subjectEmail: "casey@example.com", sha256: created.mandate!.sha256 });
  });

  it("answers an agent the same whether or not the company holds data about the email", async () => {
    const known = await signedIn("agent-known@example.net");
    const unknown = await signedIn("agent-unknown@example.net");
    const pdf = () => file(plainPdf(), "mandate.pdf", "application/pdf");
    await submit(known.cookie, {
      ...request,
      relationship: "LAWYER",
      subjectEmail: "jordan@example.com",
      mandate: pdf(),
    });
    await submit(unknown.cookie, {
      ...request,
      relationship: "LAWYER",
      subjectEmail: "no-such-customer@example.org",
      mandate: pdf(),
    });
    const shape = async (userId: string) => {
      const row = await db.privacyRequest.findFirstOrThrow({
        where: { userId },
        include: { identityCheck: true, sources: true },
      });
      return {
        status: row.status,
        subjectId: row.subjectId,
        identity: row.identityCheck?.status,
        sources: row.sources.length,
      };
    };
    expect(await shape(known.user.id)).toEqual(await shape(unknown.user.id));
  });

  it("refuses files that are not a plain PDF, PNG or JPEG, with a clear message, and stores nothing", async () => {
    const { cookie, user } = await signedIn("bad-uploads@example.net");
    const before = await storedMandates();
    const cases: [File, string][] = [
      [file(zipBomb(), "mandate.png", "image/png"), "must be a PDF, PNG or JPEG"],
      [file(Buffer.from("I authorise my lawyer."), "mandate.pdf", "application/pdf"), "must be a PDF, PNG or JPEG"],
      [file(pdfWithOpenActionScript(), "mandate.pdf", "application/pdf"), "contains scripts or actions"],
      [file(pdfWithCompressedScript(), "mandate.pdf", "application/pdf"), "contains scripts or actions"],
      [file(png(100_000, 100_000), "scan.png", "image/png"), "far larger than a scanned page"],
      [
        file(Buffer.concat([plainPdf(), Buffer.alloc(MANDATE_MAX_BYTES)]), "big.pdf", "application/pdf"),
        "larger than 10 MB",
      ],
    ];
    for (const [mandate, message] of cases) {
      const sent = await submit(cookie, { ...request, subjectEmail: "sam@example.com", mandate });
      expect(sent, mandate.name).toMatchObject({
        value: { ok: false, fieldErrors: { mandate: [expect.stringContaining(message)] } },
      });
    }
    await nothingStoredFor(user.id, before);
  });

  it("asks for each missing answer in the agent's language, and stores nothing", async () => {
    const { cookie, user } = await signedIn("vergesslich@example.net", { locale: "de" });
    const before = await storedMandates();
    const sent = await submit(cookie, {
      type: "ACCESS",
      formats: ["JSON"],
      confirm: "yes",
      onBehalf: "yes",
      subjectEmail: "not-an-email",
    });
    expect(sent).toMatchObject({
      value: {
        ok: false,
        fieldErrors: {
          subjectEmail: ["Geben Sie eine E-Mail-Adresse wie name@example.com ein."],
          relationship: ["Wählen Sie, in welcher Beziehung Sie zu dieser Person stehen."],
          mandate: ["Fügen Sie Ihre Vollmacht bei: ein PDF, PNG oder JPEG bis 10 MB."],
        },
      },
    });
    await nothingStoredFor(user.id, before);
  });

  it("limits one agent: one open request per person, AGENT_REQUESTS_PER_DAY a day, never for their own address; a refusal leaves no file behind", async () => {
    process.env.AGENT_REQUESTS_PER_DAY = "2";
    reloadEnv();
    try {
      const { cookie, user } = await signedIn("busy-agent@example.net");
      const before = await storedMandates();
      const pdf = () => file(plainPdf(), "mandate.pdf", "application/pdf");
      await submit(cookie, { ...request, subjectEmail: "one@example.org", mandate: pdf() });
      const again = await submit(cookie, { ...request, subjectEmail: "one@example.org", mandate: pdf() });
      expect(again).toMatchObject({
        value: { ok: false, error: expect.stringContaining("already have a request in progress for this person") },
      });
      await submit(cookie, { ...request, subjectEmail: "two@example.org", mandate: pdf() });
      const third = await submit(cookie, { ...request, subjectEmail: "three@example.org", mandate: pdf() });
      expect(third).toMatchObject({
        value: { ok: false, error: "You can make 2 requests a day for other people. Please try again tomorrow." },
      });
      const self = await submit(cookie, { ...request, subjectEmail: "Busy-Agent@example.net", mandate: pdf() });
      expect(self).toMatchObject({ value: { ok: false, error: expect.stringContaining("your own email address") } });
      const rows = await db.requestMandate.findMany({ where: { agentUserId: user.id } });
      expect(rows.map((row) => row.subjectEmail).sort()).toEqual(["one@example.org", "two@example.org"]);
      expect((await storedMandates()).sort()).toEqual([...before, ...rows.map((row) => row.storageKey)].sort());
      // Their own request is not limited by the ones they made for others.
      const own = await submit(cookie, { type: "ACCESS", formats: ["JSON"], confirm: "yes" });
      expect(own).toMatchObject({ redirectedTo: expect.stringMatching(/^\/privacy-center\/requests\//) });
    } finally {
      delete process.env.AGENT_REQUESTS_PER_DAY;
      reloadEnv();
    }
  });
});

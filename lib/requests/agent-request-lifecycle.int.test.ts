import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as mandateRoute } from "@/app/admin/requests/[id]/mandate/route";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { verifyAuditChain } from "@/lib/audit";
import { addDays } from "@/lib/compliance/days-left";
import { authorizeDownload, signDownloadPath } from "@/lib/dal/downloads";
import type { Viewer } from "@/lib/dal/session";
import { findRequestForStaff } from "@/lib/dal/staff-requests";
import { listQueuePage } from "@/lib/dal/staff-queue";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { defaultLocale } from "@/lib/i18n/catalog";
import { drainJobs } from "@/lib/jobs/worker";
import { expireMandates } from "@/lib/mandates/delete-mandates";
import { inspectMandate } from "@/lib/mandates/inspect-upload";
import { objectToRequest, readObjection } from "@/lib/mandates/object-to-request";
import { png } from "@/lib/mandates/testing/mandate-files";
import { queueFilterSchema } from "@/lib/schemas/staff-requests";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { inspectArchive } from "@/test/archive-inspection";
import { signedIn } from "@/test/factories";
import { browserRequest, callRoute } from "@/test/next-request";
import { createAgentPrivacyRequest } from "./create-agent-request";
import { cancelRequestByStaff } from "./cancel-by-staff";
import { approveIdentityCheck, rejectIdentityCheck } from "./decide-identity";
import { expireArchives } from "./expire-archives";
import { extendDeadline } from "./extend-deadline";
import { decideRemainingFindings } from "./release-review";

// A request made for someone else, from the agent's submission to the archive's deletion: the
// data subject told at their own address, staff deciding with four eyes on the mandate, the
// agent (and only the agent) downloading, the subject's objection, and the mandate deleted.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-agent-"));
process.env.IDENTITY_AUTO_APPROVE = "false";
reloadEnv();

const input = {
  type: "ACCESS" as const,
  sourceKeys: ["profile", "orders"],
  formats: ["JSON" as const],
  rangeTo: undefined,
};
const drain = () => drainJobs({ db, client: inngest, functions });
const viewerOf = (user: { id: string; email: string; role: Viewer["role"] }): Viewer => ({
  id: user.id,
  email: user.email,
  name: null,
  role: user.role,
});
let riley: Viewer;

async function askFor(
  agent: { id: string; email: string },
  subjectEmail: string,
  relationship: "PARENT_OR_GUARDIAN" | "LAWYER" = "LAWYER",
  locale?: string,
) {
  const bytes = png(1200, 1600);
  const file = await inspectMandate(bytes);
  if (!file.ok) throw new Error("the test's mandate was refused");
  return createAgentPrivacyRequest(agent, input, { subjectEmail, relationship, bytes, file }, {}, locale);
}

/** The objection link from the email the data subject got. */
async function objectionTokenSentTo(email: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, subject: { contains: "Someone asked" } } });
  const href = /href="([^"]*\/privacy-center\/object\?token=[^"]+)"/.exec(mail.html)![1]!.replaceAll("&amp;", "&");
  return new URL(href).searchParams.get("token")!;
}

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
  riley = viewerOf(await db.user.create({ data: { email: "riley@example.com", role: "REVIEWER" } }));
});

describe("a request made by an authorised agent", () => {
  it("tells the subject at their own address, is decided by another reviewer, only the agent downloads (until the subject objects); README says who asked", async () => {
    // The agent is on the staff too: four eyes still apply to the request they made.
    const { user } = await signedIn("counsel@lawfirm.example", { role: "REVIEWER" });
    const agent = viewerOf(user);
    const created = await askFor(agent, "casey@example.com");
    await drain();

    const told = await db.outboxEmail.findFirstOrThrow({ where: { to: "casey@example.com" } });
    expect(told.subject).toBe(`Someone asked StreamPay for a copy of your data (${created.reference})`);
    expect(told.text).toContain("counsel@lawfirm.example");
    expect(told.text).toContain("lawyer");
    expect(
      await db.outboxEmail.count({
        where: { to: "counsel@lawfirm.example", subject: { contains: created.reference } },
      }),
    ).toBe(1);
    expect(
      (await db.requestMandate.findUniqueOrThrow({ where: { requestId: created.id } })).subjectNotifiedAt,
    ).not.toBeNull();

    // Staff see the subject's records, not the agent's, and the mandate through a staff-only door.
    const view = await findRequestForStaff(riley, created.id);
    expect(view?.matches?.map((match) => match.id)).toEqual(["cus_000004"]);
    expect(view?.request.mandate).toMatchObject({
      subjectEmail: "casey@example.com",
      relationship: "LAWYER",
      objectedAt: null,
    });
    const { cookie: rileyCookie } = await signedIn("riley@example.com", { role: "REVIEWER" });
    const opened = await callRoute(
      mandateRoute,
      browserRequest(`/admin/requests/${created.id}/mandate`, { cookie: rileyCookie }),
      { id: created.id },
    );
    expect(opened.status).toBe(200);
    expect(opened.headers.get("cache-control")).toBe("no-store");
    expect(opened.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(png(1200, 1600));
    const customer = await signedIn("nosy@example.net");
    const refused = await callRoute(
      mandateRoute,
      browserRequest(`/admin/requests/${created.id}/mandate`, { cookie: customer.cookie }),
      { id: created.id },
    );
    expect(refused.status).toBe(404);

    expect(await approveIdentityCheck({ actor: agent, requestId: created.id })).toMatchObject({
      kind: "refused",
      message: expect.stringContaining("your own request"),
    });
    expect(await approveIdentityCheck({ actor: riley, requestId: created.id })).toEqual({ kind: "done" });
    await drain();

    const ready = await db.privacyRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { archives: true, identityCheck: true },
    });
    expect(ready).toMatchObject({ status: "READY", subjectId: "cus_000004" });
    expect(ready.identityCheck).toMatchObject({ method: "AGENT_MANDATE", status: "APPROVED", reviewerId: riley.id });
    const archive = ready.archives[0]!;
    const { manifest, entries } = await inspectArchive(getBlobStore(), archive.storageKey, archive.sha256);
    expect(manifest.subject).toEqual({ id: "cus_000004", email: "casey@example.com" });
    const readme = entries.get("README.html")!.toString("utf8");
    expect(readme).toContain("counsel@lawfirm.example, as your lawyer");
    expect(readme).toContain(view!.request.mandate!.sha256);

    // The agent's own request: they download it; the subject, signed in, finds nothing there.
    const token = new URL(signDownloadPath(created.id, archive).path, "http://x").searchParams.get("token")!;
    expect(await authorizeDownload(agent, created.id, token, new Date())).toMatchObject({ kind: "ok" });
    const subject = await signedIn("casey@example.com");
    expect(await authorizeDownload(viewerOf(subject.user), created.id, token, new Date())).toEqual({
      kind: "not-found",
    });

    // The subject objects late, while the archive waits: the copy is withheld from the agent.
    expect(await objectToRequest(await objectionTokenSentTo("casey@example.com"))).toMatchObject({ kind: "objected" });
    expect(await authorizeDownload(agent, created.id, token, new Date())).toEqual({ kind: "withheld" });

    // The mandate goes with the archive.
    const mandate = await db.requestMandate.findUniqueOrThrow({ where: { requestId: created.id } });
    await expireArchives(addDays(new Date(), 8));
    expect(await getBlobStore().head(mandate.storageKey)).toBeNull();
    expect((await db.requestMandate.findUniqueOrThrow({ where: { id: mandate.id } })).deletedAt).not.toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { requestId: created.id }, orderBy: { id: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "mandate.received",
        "mandate.viewed",
        "identity.approved",
        "archive.created",
        "archive.deleted",
        "mandate.deleted",
      ]),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("the subject's objection is recorded once and audited; staff can then only refuse, and the agent is told why", async () => {
    const agent = viewerOf((await signedIn("stranger@agent.example")).user);
    const created = await askFor(agent, "jordan@example.com", "PARENT_OR_GUARDIAN");
    await drain();
    const token = await objectionTokenSentTo("jordan@example.com");

    expect(await readObjection(token)).toMatchObject({
      kind: "open",
      agentEmail: "stranger@agent.example",
      relationship: "PARENT_OR_GUARDIAN",
    });
    expect(await objectToRequest(token, { ip: "203.0.113.9" })).toMatchObject({ kind: "objected" });
    expect(await objectToRequest(token)).toMatchObject({ kind: "objected" });
    const objections = await db.auditEvent.findMany({ where: { requestId: created.id, action: "mandate.objected" } });
    expect(objections).toHaveLength(1);
    expect(objections[0]).toMatchObject({ actorType: "SYSTEM", ip: "203.0.113.9" });

    const queue = await listQueuePage(riley, queueFilterSchema.parse({ q: "jordan@example.com" }));
    expect(queue.rows.find((row) => row.id === created.id)).toMatchObject({
      subjectEmail: "jordan@example.com",
      objectedAt: expect.any(Date),
    });

    expect(await approveIdentityCheck({ actor: riley, requestId: created.id })).toMatchObject({
      kind: "refused",
      message: expect.stringContaining("objected"),
    });
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "IDENTITY_REVIEW",
    });
    const reason = "The person you asked for told us they did not authorise this request.";
    expect(await rejectIdentityCheck({ actor: riley, requestId: created.id }, reason)).toEqual({ kind: "done" });
    await drain();
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "REJECTED",
    });
    const notice = await db.outboxEmail.findFirstOrThrow({
      where: { to: "stranger@agent.example", subject: { contains: "could not be completed" } },
    });
    expect(notice.text).toContain(reason);
    expect(await readObjection(token)).toMatchObject({ kind: "objected" });

    // No archive: the mandate is kept MANDATE_RETENTION_DAYS after the refusal, then deleted.
    const mandate = await db.requestMandate.findUniqueOrThrow({ where: { requestId: created.id } });
    expect(await expireMandates(new Date())).toEqual({ deleted: 0 });
    expect(await getBlobStore().head(mandate.storageKey)).not.toBeNull();
    expect((await expireMandates(addDays(new Date(), 31))).deleted).toBeGreaterThanOrEqual(1);
    expect(await getBlobStore().head(mandate.storageKey)).toBeNull();
    expect(await db.auditEvent.count({ where: { requestId: created.id, action: "mandate.deleted" } })).toBe(1);
  });

  it("four eyes: a member of staff an agent asked about decides nothing on that request; another one does", async () => {
    // Their own data, other people's in it: keeping those passages or approving the mandate is not theirs to do.
    const subject = viewerOf(await db.user.create({ data: { email: "jordan.staff@example.com", role: "ADMIN" } }));
    const { user } = await signedIn("jordan.agent@example.net");
    const created = await askFor(viewerOf(user), "Jordan.Staff@example.com");
    const call = { actor: subject, requestId: created.id };
    const aboutYou = { kind: "refused", message: expect.stringContaining("made for you by someone else") };
    expect(await approveIdentityCheck(call)).toMatchObject(aboutYou);
    expect(await rejectIdentityCheck(call, "Not a real lawyer.")).toMatchObject(aboutYou);
    expect(await extendDeadline(call, { months: 2, reason: "Many records to collect." })).toMatchObject(aboutYou);
    expect(await cancelRequestByStaff(call, "A duplicate request.")).toMatchObject(aboutYou);
    expect(await decideRemainingFindings(call, { decision: "KEEP", reason: "Fine to share." })).toMatchObject(aboutYou);
    expect((await findRequestForStaff(subject, created.id))?.ownRequest).toBe(true);
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "IDENTITY_REVIEW",
      extendedDueAt: null,
    });

    expect((await findRequestForStaff(riley, created.id))?.ownRequest).toBe(false);
    expect(await rejectIdentityCheck({ actor: riley, requestId: created.id }, "Not a real lawyer.")).toEqual({
      kind: "done",
    });
  });

  it("an altered or expired objection link objects to nothing", async () => {
    const agent = viewerOf((await signedIn("another@agent.example")).user);
    const created = await askFor(agent, "sam@example.com");
    await drain();
    const token = await objectionTokenSentTo("sam@example.com");
    expect(await objectToRequest(`${token.slice(0, -2)}xx`)).toEqual({ kind: "invalid" });
    expect(await objectToRequest(token, {}, addDays(new Date(), 31))).toEqual({ kind: "expired" });
    expect((await db.requestMandate.findUniqueOrThrow({ where: { requestId: created.id } })).objectedAt).toBeNull();
  });

  it("flags an agent who asks for more than AGENT_SUBJECTS_FLAG_THRESHOLD people", async () => {
    const agent = viewerOf((await signedIn("bulk@agent.example")).user);
    const made: { id: string }[] = [];
    for (const n of [1, 2, 3, 4]) made.push(await askFor(agent, `person${n}@example.org`));
    const view = await findRequestForStaff(riley, made[0]!.id);
    expect(view).toMatchObject({ agentSubjects: 4, agentSubjectsFlag: true });
    const queue = await listQueuePage(riley, queueFilterSchema.parse({}));
    expect(
      queue.rows.filter((row) => made.some((request) => request.id === row.id)).map((row) => row.agentSubjects),
    ).toEqual([4, 4, 4, 4]);
    expect(queue.agentSubjectsThreshold).toBe(3);
  });

  it("tells the subject in their own language, not the agent's; the agent's emails name whose data it is", async () => {
    const agent = viewerOf((await signedIn("counsel@kanzlei.example", { locale: "en" })).user);
    await db.user.create({ data: { email: "alex@example.com", locale: "de" } });
    const created = await askFor(agent, "alex@example.com", "LAWYER", "en");
    await drain();

    const told = await db.outboxEmail.findFirstOrThrow({ where: { to: "alex@example.com" } });
    expect(told.subject).toBe(`Jemand hat bei StreamPay eine Kopie Ihrer Daten angefordert (${created.reference})`);
    expect(told.html).toContain('lang="de"');
    const receipt = await db.outboxEmail.findFirstOrThrow({ where: { to: agent.email } });
    expect(receipt.subject).toBe(`We received your request for the data of alex@example.com (${created.reference})`);

    expect(await approveIdentityCheck({ actor: riley, requestId: created.id })).toEqual({ kind: "done" });
    await drain();
    const ready = await db.outboxEmail.findFirstOrThrow({ where: { to: agent.email, subject: { contains: "ready" } } });
    expect(ready.subject).toBe(`The data of alex@example.com is ready to download (${created.reference})`);
    expect(ready.text).toContain(`The copy of the data of alex@example.com for request ${created.reference} is ready`);
    expect(ready.text).not.toMatch(/your data/i);

    // No account at that address: DEFAULT_LOCALE (English here), though the agent asked in German.
    const german = viewerOf((await signedIn("anwalt@kanzlei.example", { locale: "de" })).user);
    const unknown = await askFor(german, "no-account@example.org", "LAWYER", "de");
    await drain();
    const toStranger = await db.outboxEmail.findFirstOrThrow({ where: { to: "no-account@example.org" } });
    expect(toStranger.subject).toBe(`Someone asked StreamPay for a copy of your data (${unknown.reference})`);
    expect(toStranger.html).toContain(`lang="${defaultLocale()}"`);
    const germanReceipt = await db.outboxEmail.findFirstOrThrow({ where: { to: german.email } });
    expect(germanReceipt.subject).toBe(
      `Wir haben Ihre Anfrage zu den Daten von no-account@example.org erhalten (${unknown.reference})`,
    );
  });
});

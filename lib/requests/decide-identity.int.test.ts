import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createApprovedRequest } from "@/test/factories";
import { decideIdentityCheck } from "./decide-identity";

let reviewer: { id: string; email: string };

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
  reviewer = await db.user.create({ data: { email: "riley@example.com", role: "REVIEWER" } });
});

async function pendingRequest(email: string) {
  const request = await createApprovedRequest(email, { status: "IDENTITY_REVIEW" });
  await db.identityCheck.create({ data: { requestId: request.id, method: "EMAIL_REVIEW" } });
  return request;
}

describe("a reviewer's identity decision", () => {
  it("approves, links the matching data subject, starts the export and records who decided", async () => {
    const request = await pendingRequest("jordan@example.com");
    expect(await decideIdentityCheck(reviewer, request.id, { decision: "APPROVED" }, { ip: "10.1.2.3" })).toBe(true);
    const stored = await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id }, include: { identityCheck: true } });
    expect(stored).toMatchObject({ status: "APPROVED", subjectId: "cus_000003" });
    expect(stored.identityCheck).toMatchObject({ status: "APPROVED", reviewerId: reviewer.id });
    const event = await db.jobEvent.findFirstOrThrow({ where: { name: "privacy/request.approved" }, orderBy: { receivedAt: "desc" } });
    expect(event.data).toEqual({ requestId: request.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "identity.approved" } });
    expect(audit).toMatchObject({ actorId: reviewer.id, ip: "10.1.2.3" });
  });

  it("rejects with a reason, and a check can only be decided once", async () => {
    const request = await pendingRequest("casey@example.com");
    expect(await decideIdentityCheck(reviewer, request.id, { decision: "REJECTED", reason: "Email does not match our records" })).toBe(true);
    expect(await decideIdentityCheck(reviewer, request.id, { decision: "APPROVED" })).toBe(false);
    const stored = await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id }, include: { identityCheck: true } });
    expect(stored.status).toBe("REJECTED");
    expect(stored.identityCheck).toMatchObject({ status: "REJECTED", reason: "Email does not match our records" });
  });
});

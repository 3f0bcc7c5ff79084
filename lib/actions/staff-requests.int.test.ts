import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { db } from "@/lib/db";
import { sendRequestCancelledEmail, sendRequestRejectedEmail } from "@/lib/requests/notify-staff-decision";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createApprovedRequest, createPendingRequest } from "@/test/factories";
import {
  approveIdentityAction,
  cancelRequestAction,
  extendDeadlineAction,
  rejectIdentityAction,
  retrySourceAction,
} from "./staff-requests";

// The review console's actions as a browser calls them: a signed-in viewer (the Auth.js session is
// the one thing stood in for), a form, and the database underneath.

const signedIn = vi.hoisted(() => ({
  session: null as null | { user: { id: string; email: string; name: null; role: string } },
}));
vi.mock("@/lib/auth", () => ({ auth: async () => signedIn.session }));
const NOT_FOUND_TEXT = "That request or page does not exist.";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7", "user-agent": "vitest" }),
  cookies: async () => new Map(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Person = { id: string; email: string; role: string };
let riley: Person;
let ada: Person;
let customer: Person;

function as(person: Person | null) {
  signedIn.session = person ? { user: { id: person.id, email: person.email, name: null, role: person.role } } : null;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const snapshot = async (id: string) =>
  db.privacyRequest.findUniqueOrThrow({
    where: { id },
    include: { identityCheck: true, _count: { select: { auditEvents: true } } },
  });

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
  riley = await db.user.create({ data: { email: "riley@example.com", role: "REVIEWER" } });
  ada = await db.user.create({ data: { email: "ada@example.com", role: "ADMIN" } });
  customer = await db.user.create({ data: { email: "jordan@example.com" } });
});

beforeEach(() => as(riley));

describe("who may use the staff actions", () => {
  it("a customer, even on their own request, gets 'not found' from every staff action and nothing changes", async () => {
    const request = await createPendingRequest(customer.email);
    const before = await snapshot(request.id);
    as(customer);
    const attempts = [
      approveIdentityAction(null, form({ requestId: request.id })),
      rejectIdentityAction(null, form({ requestId: request.id, reason: "Not you, sorry" })),
      extendDeadlineAction(null, form({ requestId: request.id, months: "1", reason: "Complex request" })),
      cancelRequestAction(null, form({ requestId: request.id, reason: "Duplicate request" })),
      retrySourceAction(null, form({ requestId: request.id, sourceKey: "orders" })),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toEqual({ ok: false, error: NOT_FOUND_TEXT });
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("a signed-out caller is told to sign in", async () => {
    as(null);
    const request = await createPendingRequest("signed-out@example.com");
    expect(await approveIdentityAction(null, form({ requestId: request.id }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sign in/),
    });
  });

  it("an unknown id, a malformed id or a foreign source key is refused and changes nothing", async () => {
    expect(await approveIdentityAction(null, form({ requestId: "00000000-0000-4000-8000-000000000000" }))).toEqual({
      ok: false,
      error: NOT_FOUND_TEXT,
    });
    expect(await approveIdentityAction(null, form({ requestId: "../../etc/passwd" }))).toMatchObject({
      ok: false,
      error: "Unknown request.",
    });
    const request = await createApprovedRequest("casey@example.com", { status: "FAILED" });
    expect(await retrySourceAction(null, form({ requestId: request.id, sourceKey: "no-such-source" }))).toEqual({
      ok: false,
      error: NOT_FOUND_TEXT,
    });
    expect(await retrySourceAction(null, form({ requestId: request.id, sourceKey: "'; DROP TABLE x" }))).toMatchObject({
      ok: false,
      error: "Unknown source.",
    });
  });
});

describe("identity decisions", () => {
  it("a rejection needs a reason; without one nothing is stored", async () => {
    const request = await createPendingRequest("no-reason@example.com");
    const before = await snapshot(request.id);
    const result = await rejectIdentityAction(null, form({ requestId: request.id, reason: "  " }));
    expect(result).toMatchObject({ ok: false, error: "Say why the identity check is rejected; the customer is told." });
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("a rejection records who decided, emails the customer the reason and how to complain", async () => {
    const request = await createPendingRequest("rejected@example.com");
    expect(
      await rejectIdentityAction(
        null,
        form({ requestId: request.id, reason: "The account email does not match our records" }),
      ),
    ).toMatchObject({ ok: true });
    const stored = await snapshot(request.id);
    expect(stored).toMatchObject({
      status: "REJECTED",
      identityCheck: {
        status: "REJECTED",
        reviewerId: riley.id,
        reason: "The account email does not match our records",
      },
    });
    expect(stored.identityCheck!.decidedAt).not.toBeNull();
    const notice = await db.jobEvent.findUniqueOrThrow({ where: { id: `request-rejected/${request.id}` } });
    expect(notice.data).toEqual({ requestId: request.id, notice: "rejected" });
    await sendRequestRejectedEmail(request.id);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: "rejected@example.com" } });
    expect(email.text).toContain("The account email does not match our records");
    expect(email.text).toContain("Data Protection Commission");
    expect(email.text).toMatch(/reply to this email/);
  });

  it("of two concurrent decisions exactly one lands", async () => {
    const request = await createPendingRequest("jordan@example.com");
    const decisions = await Promise.all([
      approveIdentityAction(null, form({ requestId: request.id })),
      rejectIdentityAction(null, form({ requestId: request.id, reason: "Looks like a different person" })),
    ]);
    expect(decisions.filter((d) => d.ok)).toHaveLength(1);
    expect(decisions.find((d) => !d.ok)).toMatchObject({ error: expect.stringMatching(/already decided/) });
    const decided = await db.auditEvent.count({
      where: { requestId: request.id, action: { in: ["identity.approved", "identity.rejected"] } },
    });
    expect(decided).toBe(1);
    const stored = await snapshot(request.id);
    expect(stored.identityCheck!.status).toBe(stored.status === "APPROVED" ? "APPROVED" : "REJECTED");
  });

  it("four eyes: staff cannot decide, extend or cancel their own request", async () => {
    const own = await createPendingRequest(riley.email);
    const before = await snapshot(own.id);
    for (const result of [
      await approveIdentityAction(null, form({ requestId: own.id, subject: "none" })),
      await rejectIdentityAction(null, form({ requestId: own.id, reason: "Rejecting myself" })),
      await extendDeadlineAction(null, form({ requestId: own.id, months: "2", reason: "I want more time" })),
      await cancelRequestAction(null, form({ requestId: own.id, reason: "Changed my mind" })),
    ]) {
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/your own request/) });
    }
    expect(await snapshot(own.id)).toEqual(before);
    as(ada);
    expect(await approveIdentityAction(null, form({ requestId: own.id, subject: "none" }))).toMatchObject({ ok: true });
  });
});

describe("choosing the customer record", () => {
  beforeAll(async () => {
    // Two live records share an email (in different case): the reviewer has to say which is this person.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`INSERT INTO streampay.customers (external_id, email, full_name, created_at) VALUES
      ('cus_twin_a', 'twin@example.com', 'Pat Twin', '2021-03-01'), ('cus_twin_b', 'TWIN@example.com', 'Pat Twin-Other', '2024-07-15')`);
    await client.end();
  });

  it("with several matches, approval needs a choice among them; a record that does not match is refused", async () => {
    const request = await createPendingRequest("twin@example.com");
    expect(await approveIdentityAction(null, form({ requestId: request.id }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/matches 2 customer records/),
    });
    expect(await approveIdentityAction(null, form({ requestId: request.id, subject: "cus_000001" }))).toMatchObject({
      ok: false,
      error: "That customer record does not match this person's email.",
    });
    expect((await snapshot(request.id)).status).toBe("IDENTITY_REVIEW");
    expect(await approveIdentityAction(null, form({ requestId: request.id, subject: "cus_twin_b" }))).toMatchObject({
      ok: true,
    });
    expect(await snapshot(request.id)).toMatchObject({
      status: "APPROVED",
      subjectId: "cus_twin_b",
      identityCheck: { status: "APPROVED", reviewerId: riley.id },
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { requestId: request.id, action: "identity.approved" },
    });
    expect(audit).toMatchObject({
      actorId: riley.id,
      userAgent: "vitest",
      metadata: { subject: "cus_twin_b", matchedSubjects: 2 },
    });
    expect(await db.jobEvent.count({ where: { id: `request-approved/${request.id}` } })).toBe(1);
  });

  it("with no match, the reviewer confirms that no data is held before approving", async () => {
    const request = await createPendingRequest("stranger@example.com");
    expect(await approveIdentityAction(null, form({ requestId: request.id }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no customer record/),
    });
    expect(await approveIdentityAction(null, form({ requestId: request.id, subject: "none" }))).toMatchObject({
      ok: true,
    });
    expect(await snapshot(request.id)).toMatchObject({ status: "APPROVED", subjectId: null });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { requestId: request.id, action: "identity.approved" },
    });
    expect(audit.metadata).toMatchObject({ subject: "none", matchedSubjects: 0 });
  });
});

describe("cancelling and retrying", () => {
  it("cancels with a reason and emails it; a running export cannot be cancelled", async () => {
    const request = await createPendingRequest("cancel-me@example.com");
    expect(await cancelRequestAction(null, form({ requestId: request.id, reason: "" }))).toMatchObject({ ok: false });
    expect(
      await cancelRequestAction(null, form({ requestId: request.id, reason: "A duplicate of DSR-2026-000001" })),
    ).toMatchObject({ ok: true });
    expect((await snapshot(request.id)).status).toBe("CANCELLED");
    await sendRequestCancelledEmail(request.id);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { to: "cancel-me@example.com" } })).text).toContain(
      "A duplicate of DSR-2026-000001",
    );
    const running = await createApprovedRequest("running@example.com", { status: "COLLECTING" });
    expect(await cancelRequestAction(null, form({ requestId: running.id, reason: "Too late for this" }))).toMatchObject(
      { ok: false, error: expect.stringMatching(/can no longer be cancelled/) },
    );
  });

  it("retries a failed source: audited and queued; a source that did not fail is refused", async () => {
    const request = await createApprovedRequest("retry@example.com", { status: "FAILED" });
    await db.requestSource.createMany({
      data: [
        { requestId: request.id, sourceKey: "orders", status: "FAILED", error: "boom" },
        { requestId: request.id, sourceKey: "profile", status: "DONE" },
      ],
    });
    expect(await retrySourceAction(null, form({ requestId: request.id, sourceKey: "profile" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Only a failed source/),
    });
    expect(await retrySourceAction(null, form({ requestId: request.id, sourceKey: "orders" }))).toMatchObject({
      ok: true,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { requestId: request.id, action: "source.retry_requested" },
    });
    expect(audit).toMatchObject({ actorId: riley.id, targetId: "orders" });
    const event = await db.jobEvent.findFirstOrThrow({
      where: { name: "privacy/source.retry", id: { startsWith: `source-retry/${request.id}/orders/` } },
    });
    expect(event.data).toEqual({ requestId: request.id, sourceKey: "orders" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createApprovedRequest } from "@/test/factories";
import { decideFindingAction, decideRemainingFindingsAction } from "./staff-requests";

// The Art. 15(4) decision as the review console's form sends it: who may send it, what it must
// carry, and four eyes, with the database underneath (the Auth.js session is stood in for).

const signedIn = vi.hoisted(() => ({
  session: null as null | { user: { id: string; email: string; name: null; role: string } },
}));
vi.mock("@/lib/auth", () => ({ auth: async () => signedIn.session }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7", "user-agent": "vitest" }),
  cookies: async () => new Map(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Person = { id: string; email: string; role: string };
const as = (person: Person) =>
  void (signedIn.session = { user: { id: person.id, email: person.email, name: null, role: person.role } });
const NOT_FOUND_TEXT = "That request or page does not exist.";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A request held for review with one finding, as the collect step leaves it. */
async function heldRequest(email: string) {
  const request = await createApprovedRequest(email, { status: "RELEASE_REVIEW" });
  const finding = await db.disclosureFinding.create({
    data: {
      requestId: request.id,
      sourceKey: "support",
      recordIndex: 0,
      path: "messages[0].body",
      kind: "EMAIL",
      start: 5,
      end: 22,
      matched: "casey@example.com",
      before: "Mail ",
      after: "",
    },
  });
  return { request, finding };
}

let reviewer: Person;
beforeAll(async () => {
  reviewer = await db.user.create({ data: { email: "rr-reviewer@example.com", role: "REVIEWER" } });
});

describe("the review-before-release decision", () => {
  it("is 'not found' for a customer, and refused without a decision or a reason, deciding nothing", async () => {
    const { request, finding } = await heldRequest("rr-customer@example.com");
    as({ ...(await db.user.findUniqueOrThrow({ where: { id: request.userId } })), role: "CUSTOMER" });
    const fields = {
      requestId: request.id,
      findingId: finding.id,
      decision: "REDACT",
      reason: "Another person's address",
    };
    expect(await decideFindingAction(null, form(fields))).toEqual({ ok: false, error: NOT_FOUND_TEXT });

    as(reviewer);
    expect(await decideFindingAction(null, form({ ...fields, reason: "" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Say why/),
    });
    expect(await decideFindingAction(null, form({ ...fields, decision: "DELETE" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/redact or keep/),
    });
    expect(await decideFindingAction(null, form({ ...fields, findingId: "x" }))).toMatchObject({
      ok: false,
      error: "Unknown passage.",
    });
    expect(await db.disclosureFinding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({
      decision: "PENDING",
      reviewerId: null,
    });
  });

  it("is refused on the reviewer's own request (four eyes), and done by another, releasing the request", async () => {
    const own = await db.user.create({ data: { email: "rr-staff-customer@example.com", role: "REVIEWER" } });
    const { request, finding } = await heldRequest(own.email);
    const fields = {
      requestId: request.id,
      findingId: finding.id,
      decision: "REDACT",
      reason: "Another person's address",
    };
    as(own);
    expect(await decideFindingAction(null, form(fields))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/your own request/),
    });
    expect(await db.auditEvent.count({ where: { requestId: request.id } })).toBe(0);

    as(reviewer);
    expect(await decideFindingAction(null, form(fields))).toMatchObject({ ok: true });
    expect(await db.disclosureFinding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({
      decision: "REDACT",
      reviewerId: reviewer.id,
    });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PACKAGING");
    const events = await db.auditEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorEmail, e.userAgent])).toEqual([
      ["disclosure.redacted", reviewer.email, "vitest"],
      ["request.released", reviewer.email, "vitest"],
    ]);
    expect(await db.jobEvent.count({ where: { id: `request-released/${request.id}` } })).toBe(1);
  });

  it("decides every remaining passage at once, one audit event each, and releases the request", async () => {
    const { request, finding } = await heldRequest("rr-bulk@example.com");
    await db.disclosureFinding.create({ data: { ...finding, id: undefined, recordIndex: 1, decidedAt: null } });
    as(reviewer);
    expect(
      await decideFindingAction(
        null,
        form({ requestId: request.id, findingId: finding.id, decision: "KEEP", reason: "The customer's own alias" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await decideRemainingFindingsAction(
        null,
        form({ requestId: request.id, decision: "REDACT", reason: "Casey's address" }),
      ),
    ).toMatchObject({ ok: true });
    const decided = await db.disclosureFinding.findMany({
      where: { requestId: request.id },
      orderBy: { recordIndex: "asc" },
    });
    expect(decided.map((f) => [f.decision, f.reason])).toEqual([
      ["KEEP", "The customer's own alias"],
      ["REDACT", "Casey's address"],
    ]);
    const actions = (await db.auditEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["disclosure.kept", "disclosure.redacted", "request.released"]);
    expect(
      await decideRemainingFindingsAction(
        null,
        form({ requestId: request.id, decision: "REDACT", reason: "Once more" }),
      ),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no longer waiting/),
    });
  });
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { consumeSignInEmail } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { createPrivacyRequest, RequestRefusedError } from "@/lib/requests/create-privacy-request";
import { rejectIdentityCheck } from "@/lib/requests/decide-identity";
import { newPrivacyRequestSchema } from "@/lib/schemas/privacy-request";
import { signInSchema } from "@/lib/schemas/sign-in";
import { rejectIdentitySchema } from "@/lib/schemas/staff-requests";
import { listSources } from "@/lib/sources/registry";

// Whatever a client sends to a server action or the API, the schema either refuses it with a
// message a person can read, or what it lets through is stored without a database error (a 500).
// The HTTP side of the same property runs against the built app in e2e/security.spec.ts.

const awkwardText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "%zz",
    "../../etc/passwd",
    "<script>",
    "null",
    "0",
    "NaN",
    "😀".repeat(5),
  ),
);
const awkwardDate = fc.oneof(
  fc.constantFrom(
    "-200000-01-01",
    "+275760-09-13",
    "1969-12-31",
    "1970-01-01",
    "2999-01-01",
    "2025-02-30",
    "2025-01-01\u0000",
    "2025-06-01",
    "Infinity",
  ),
  fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString())),
  fc
    .date({ min: new Date("1970-01-01"), max: new Date(), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);
const awkward = fc.oneof(
  awkwardText,
  awkwardDate,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(awkwardText, { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

const sourceKeys = listSources().map((source) => source.key);
const privacyRequestBody = fc.record(
  {
    // Mostly valid elsewhere, so that the awkward field is the one that decides.
    type: fc.oneof({ arbitrary: fc.constantFrom("ACCESS", "PORTABILITY"), weight: 5 }, awkward),
    sourceKeys: fc.oneof(
      { arbitrary: fc.subarray(sourceKeys), weight: 5 },
      fc.array(awkwardText, { maxLength: 3 }),
      awkward,
    ),
    formats: fc.oneof({ arbitrary: fc.subarray(["JSON", "CSV"], { minLength: 1 }), weight: 5 }, awkward),
    rangeFrom: fc.oneof(awkwardDate, awkward),
    rangeTo: fc.oneof(awkwardDate, awkward),
  },
  { requiredKeys: [] },
);

function refusedWithMessages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  expect(result.error!.issues.length).toBeGreaterThan(0);
  for (const issue of result.error!.issues) expect(issue.message.length).toBeGreaterThan(5);
}

let sequence = 0;
const freshUser = () => db.user.create({ data: { email: `fuzz-${Date.now()}-${sequence++}@example.com` } });

beforeAll(() => {
  process.env.IDENTITY_AUTO_APPROVE = "false";
  reloadEnv();
});

describe("bad input never becomes a database error", () => {
  it("a new privacy request: refused with messages, or stored as parsed", async () => {
    await fc.assert(
      fc.asyncProperty(privacyRequestBody, async (body) => {
        const parsed = newPrivacyRequestSchema.safeParse(body);
        if (!parsed.success) return refusedWithMessages(parsed);
        const created = await createPrivacyRequest(await freshUser(), parsed.data).catch((error: unknown) => {
          if (error instanceof RequestRefusedError) return null;
          throw error;
        });
        if (!created) return;
        const stored = await db.privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
        expect(stored.rangeFrom).toEqual(parsed.data.rangeFrom ?? null);
        expect(stored.rangeTo).toEqual(parsed.data.rangeTo ?? null);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses dates outside 1970 to tomorrow, and NUL bytes, without storing anything", async () => {
    const before = await db.privacyRequest.count();
    for (const rangeFrom of ["-200000-01-01", "+275760-09-13", "1969-12-31", "2025-01-01\u0000"]) {
      const result = newPrivacyRequestSchema.safeParse({ type: "ACCESS", rangeFrom });
      expect(result.success, rangeFrom).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["rangeFrom"]);
    }
    expect(
      newPrivacyRequestSchema.safeParse({
        type: "ACCESS",
        rangeTo: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      }).success,
    ).toBe(false);
    expect(
      newPrivacyRequestSchema.safeParse({ type: "ACCESS", rangeFrom: "1970-01-01", rangeTo: new Date().toISOString() })
        .success,
    ).toBe(true);
    expect(await db.privacyRequest.count()).toBe(before);
  });

  it("a sign-in request: refused with messages, or counted and audited", async () => {
    const email = fc.oneof(
      awkwardText,
      { arbitrary: fc.emailAddress(), weight: 4 },
      fc.emailAddress().map((address) => `${address}\u0000`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          email,
          callbackUrl: fc.oneof({ arbitrary: awkwardText, weight: 3 }, fc.webUrl(), fc.constant(undefined)),
        }),
        async (body) => {
          const parsed = signInSchema.safeParse(body);
          if (!parsed.success) return refusedWithMessages(parsed);
          await consumeSignInEmail(parsed.data.email, null);
          await audit({
            actor: { type: "SYSTEM", name: "auth" },
            action: "auth.sign_in_link_requested",
            metadata: { email: parsed.data.email, callbackUrl: parsed.data.callbackUrl },
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("an identity rejection: refused with messages, or recorded with its reason", async () => {
    const reviewer = await db.user.create({
      data: { email: `fuzz-reviewer-${Date.now()}@example.com`, role: "REVIEWER" },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          requestId: fc.oneof(fc.uuid(), awkwardText),
          reason: fc.oneof(awkwardText, awkward, fc.constant(undefined)),
        }),
        async (body) => {
          const parsed = rejectIdentitySchema.safeParse(body);
          if (!parsed.success) return refusedWithMessages(parsed);
          // What the schema lets through is written as given; a NUL byte in the reason would not be.
          const request = await createPrivacyRequest(await freshUser(), {
            type: "ACCESS",
            sourceKeys: [],
            formats: ["JSON"],
            rangeTo: undefined,
          });
          expect(
            await rejectIdentityCheck(
              { actor: { id: reviewer.id, email: reviewer.email }, requestId: request.id },
              parsed.data.reason,
            ),
          ).toEqual({ kind: "done" });
        },
      ),
      { numRuns: 40 },
    );
  });
});

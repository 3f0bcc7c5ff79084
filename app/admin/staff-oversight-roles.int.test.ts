import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Who reaches the oversight half of the review console: every page, server action and route it
// adds, called as Next calls them, with the session coming from Auth.js (stubbed at its boundary:
// `auth()` answers for the user the test signs in as). Customers get "does not exist" everywhere;
// reviewers read the audit log and the dashboard but never manage staff.

const signedIn = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string | null; role: Role },
}));
vi.mock("@/lib/auth", () => ({
  auth: async () => (signedIn.user ? { user: signedIn.user, expires: "2099-01-01" } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "198.51.100.7" }),
  cookies: async () => new Map(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { verifyAuditChainAction } = await import("@/lib/actions/audit-log");
const { changeStaffRoleAction, inviteReviewerAction, removeStaffMemberAction } = await import("@/lib/actions/staff");
const { GET: exportAuditCsv } = await import("./audit/export/route");
const { default: AuditLogPage } = await import("./audit/page");
const { default: DashboardPage } = await import("./dashboard/page");
const { default: StaffPage } = await import("./staff/page");

const people: Record<
  "customer" | "reviewer" | "admin" | "otherAdmin",
  { id: string; email: string; name: string | null; role: Role }
> = {} as never;

beforeAll(async () => {
  for (const [key, role] of [
    ["customer", "CUSTOMER"],
    ["reviewer", "REVIEWER"],
    ["admin", "ADMIN"],
    ["otherAdmin", "ADMIN"],
  ] as const) {
    const user = await db.user.create({ data: { email: `${key.toLowerCase()}@roles.example`, role } });
    people[key] = { id: user.id, email: user.email, name: null, role };
    await audit({
      actor: { type: "SYSTEM", name: "test" },
      action: "user.created",
      target: { type: "User", id: user.id },
      metadata: { email: user.email },
    });
  }
});
beforeEach(() => {
  signedIn.user = null;
});

const as = (who: keyof typeof people | null) => {
  signedIn.user = who ? people[who] : null;
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
/** What Next answers when a page calls notFound(): the 404 fallback's digest. */
const notFoundDigest = expect.objectContaining({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
const searchParams = Promise.resolve({});

describe("pages", () => {
  it("a customer gets 404 for the audit log, the dashboard and staff", async () => {
    as("customer");
    await expect(AuditLogPage({ searchParams })).rejects.toEqual(notFoundDigest);
    await expect(DashboardPage()).rejects.toEqual(notFoundDigest);
    await expect(StaffPage()).rejects.toEqual(notFoundDigest);
  });

  it("a reviewer reads the audit log and the dashboard, and gets 404 for staff", async () => {
    as("reviewer");
    await expect(AuditLogPage({ searchParams })).resolves.toBeTruthy();
    await expect(DashboardPage()).resolves.toBeTruthy();
    await expect(StaffPage()).rejects.toEqual(notFoundDigest);
  });

  it("an admin reaches all three; bad filters in the address are ignored, not a 500", async () => {
    as("admin");
    await expect(
      AuditLogPage({
        searchParams: Promise.resolve({ from: "yesterday", action: "drop table", before: "-1", request: "x" }),
      }),
    ).resolves.toBeTruthy();
    await expect(DashboardPage()).resolves.toBeTruthy();
    await expect(StaffPage()).resolves.toBeTruthy();
  });
});

describe("the audit CSV route", () => {
  const download = (query = "") =>
    exportAuditCsv(
      new Request(`http://portal.test/admin/audit/export${query}`, { headers: { "user-agent": "vitest-route" } }),
    );

  it("answers 404 to the signed-out and to customers, and writes no export event", async () => {
    const before = await db.auditEvent.count({ where: { action: "audit.exported" } });
    as(null);
    expect((await download()).status).toBe(404);
    as("customer");
    expect((await download()).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "audit.exported" } })).toBe(before);
  });

  it("streams a CSV attachment to staff, not cached, and audits the export", async () => {
    as("reviewer");
    const response = await download("?action=user.created");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-.*\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const csv = await response.text();
    expect(csv).toContain("customer@roles.example");
    expect(csv).not.toContain("audit.exported");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "audit.exported" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      actorId: people.reviewer.id,
      userAgent: "vitest-route",
      metadata: { filter: { action: "user.created" } },
    });
  });

  it("refuses a bad filter with 400 and says which", async () => {
    as("admin");
    const response = await download("?from=2026-13-45");
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/From must be a date/);
  });
});

describe("server actions", () => {
  it("Verify chain: staff only", async () => {
    as("customer");
    expect(await verifyAuditChainAction(null, form({}))).toEqual({
      ok: false,
      error: "That request or page does not exist.",
    });
    as("reviewer");
    expect(await verifyAuditChainAction(null, form({}))).toMatchObject({ ok: true, data: { intact: true } });
  });

  it("staff management: customers and reviewers are refused and nothing changes", async () => {
    for (const who of ["customer", "reviewer"] as const) {
      as(who);
      const refused = { ok: false, error: "That request or page does not exist." };
      expect(await inviteReviewerAction(null, form({ email: "new.reviewer@roles.example" }))).toEqual(refused);
      expect(await changeStaffRoleAction(null, form({ userId: people.customer.id, role: "ADMIN" }))).toEqual(refused);
      expect(await changeStaffRoleAction(null, form({ userId: people.reviewer.id, role: "ADMIN" }))).toEqual(refused);
      expect(await removeStaffMemberAction(null, form({ userId: people.admin.id }))).toEqual(refused);
    }
    expect(await db.user.findUnique({ where: { email: "new.reviewer@roles.example" } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: people.reviewer.id } })).role).toBe("REVIEWER");
    expect((await db.user.findUniqueOrThrow({ where: { id: people.admin.id } })).role).toBe("ADMIN");
  });

  it("an admin invites a reviewer: role granted, invitation emailed, both audited", async () => {
    as("admin");
    const result = await inviteReviewerAction(null, form({ email: "  Invited@Roles.Example " }));
    expect(result).toEqual({
      ok: true,
      data: "invited@roles.example is now a reviewer. We emailed them a link to sign in.",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: "invited@roles.example" } });
    expect(user.role).toBe("REVIEWER");
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: "invited@roles.example" } });
    expect(email.text).toContain("/sign-in?callbackUrl=%2Fadmin");
    const events = await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["user.created", "user.role_changed", "email.sent"]);
    expect(events[1]).toMatchObject({ actorId: people.admin.id, metadata: { from: "CUSTOMER", to: "REVIEWER" } });
    // Inviting someone who is already staff would otherwise demote an admin.
    expect(await inviteReviewerAction(null, form({ email: people.otherAdmin.email }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already a member of staff/),
    });
  });

  it("bad input is refused with a clear message", async () => {
    as("admin");
    expect(await inviteReviewerAction(null, form({ email: "not an email" }))).toMatchObject({
      ok: false,
      error: "Enter an email address.",
    });
    expect(await changeStaffRoleAction(null, form({ userId: people.reviewer.id, role: "OWNER" }))).toMatchObject({
      ok: false,
      error: "Choose reviewer or admin.",
    });
    expect(await changeStaffRoleAction(null, form({ userId: "no-such-user", role: "ADMIN" }))).toMatchObject({
      ok: false,
      error: "There is no such member of staff.",
    });
    expect(await removeStaffMemberAction(null, form({ userId: people.customer.id }))).toMatchObject({
      ok: false,
      error: "There is no such member of staff.",
    });
  });

  it("an admin cannot change their own role", async () => {
    as("admin");
    expect(await changeStaffRoleAction(null, form({ userId: people.admin.id, role: "REVIEWER" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/your own role/),
    });
    expect(await removeStaffMemberAction(null, form({ userId: people.admin.id }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/your own role/),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: people.admin.id } })).role).toBe("ADMIN");
  });

  it("an admin promotes and removes staff, each change audited", async () => {
    as("admin");
    expect(await changeStaffRoleAction(null, form({ userId: people.reviewer.id, role: "ADMIN" }))).toEqual({
      ok: true,
      data: "reviewer@roles.example is now an admin.",
    });
    expect(await removeStaffMemberAction(null, form({ userId: people.reviewer.id }))).toEqual({
      ok: true,
      data: "reviewer@roles.example is no longer a member of staff.",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: people.reviewer.id } })).role).toBe("CUSTOMER");
    const changes = await db.auditEvent.findMany({
      where: { action: "user.role_changed", targetId: people.reviewer.id },
      orderBy: { id: "asc" },
    });
    expect(changes.map((event) => event.metadata)).toEqual([
      { email: "reviewer@roles.example", from: "REVIEWER", to: "ADMIN" },
      { email: "reviewer@roles.example", from: "ADMIN", to: "CUSTOMER" },
    ]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeStaffRole, StaffRoleRefusedError } from "./change-role";
import { StaffAddUsageError, staffAddCommand } from "./staff-add-command";

// The rules every staff role change keeps, from the staff page or from the shell.

const cli = { type: "SYSTEM", name: "cli:test" } as const;

async function user(email: string, role: Role) {
  return db.user.create({ data: { email, role } });
}
const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).role;
const actor = (person: { id: string; email: string }) => ({
  type: "USER" as const,
  id: person.id,
  email: person.email,
});

beforeEach(async () => {
  // Each test starts with no staff at all; audit events stay (the log is append-only).
  await db.user.updateMany({ where: { role: { not: "CUSTOMER" } }, data: { role: "CUSTOMER" } });
});

describe("the last admin", () => {
  it("cannot be demoted or removed, from the shell either", async () => {
    const only = await user(`only-admin-${Date.now()}@example.com`, "ADMIN");
    const other = await user(`other-${Date.now()}@example.com`, "CUSTOMER");
    await expect(changeStaffRole(cli, { userId: only.id }, "REVIEWER")).rejects.toThrow(/is the last admin/);
    await expect(changeStaffRole(cli, { userId: only.id }, "CUSTOMER")).rejects.toThrow(StaffRoleRefusedError);
    await expect(staffAddCommand([only.email, "--role", "reviewer"])).rejects.toThrow(/is the last admin/);
    expect(await roleOf(only.id)).toBe("ADMIN");
    expect(await db.auditEvent.count({ where: { action: "user.role_changed", targetId: only.id } })).toBe(0);
    // With a second admin, the first may step down (by someone else's hand).
    await changeStaffRole(actor(only), { userId: other.id }, "ADMIN");
    await changeStaffRole(actor(other), { userId: only.id }, "REVIEWER");
    expect(await roleOf(only.id)).toBe("REVIEWER");
  });

  it("survives two admins removing each other at the same moment: one change wins", async () => {
    const a = await user(`a-${Date.now()}@example.com`, "ADMIN");
    const b = await user(`b-${Date.now()}@example.com`, "ADMIN");
    const results = await Promise.allSettled([
      changeStaffRole(actor(a), { userId: b.id }, "CUSTOMER"),
      changeStaffRole(actor(b), { userId: a.id }, "CUSTOMER"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});

describe("a staff member's own role", () => {
  it("cannot be changed by themselves", async () => {
    const a = await user(`self-${Date.now()}@example.com`, "ADMIN");
    await user(`spare-${Date.now()}@example.com`, "ADMIN");
    await expect(changeStaffRole(actor(a), { userId: a.id }, "REVIEWER")).rejects.toThrow(/your own role/);
    expect(await roleOf(a.id)).toBe("ADMIN");
  });
});

describe("npm run staff:add", () => {
  it("creates the first admin of an empty portal, audited as the shell user", async () => {
    const email = `first-admin-${Date.now()}@example.com`;
    expect(await staffAddCommand([email.toUpperCase(), "--role", "admin"])).toMatch(
      new RegExp(`^${email} is now an admin \\(was a new account\\)`),
    );
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect(created.role).toBe("ADMIN");
    const events = await db.auditEvent.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.actorType, event.actorEmail])).toEqual([
      ["user.created", "SYSTEM", expect.stringMatching(/^cli:/)],
      ["user.role_changed", "SYSTEM", expect.stringMatching(/^cli:/)],
    ]);
    expect(events[1]!.metadata).toEqual({ email, from: "CUSTOMER", to: "ADMIN" });
    expect(await staffAddCommand([email, "--role", "admin"])).toMatch(/already an admin; nothing changed/);
  });

  it("promotes an existing customer to reviewer", async () => {
    const customer = await user(`customer-${Date.now()}@example.com`, "CUSTOMER");
    expect(await staffAddCommand([customer.email, "--role=reviewer"])).toMatch(/is now a reviewer \(was customer\)/);
    expect(await roleOf(customer.id)).toBe("REVIEWER");
  });

  it("explains its usage for bad arguments and changes nothing", async () => {
    const before = await db.auditEvent.count();
    for (const argv of [
      [],
      ["x@example.com"],
      ["x@example.com", "--role", "owner"],
      ["not-an-email", "--role", "admin"],
      ["a@example.com", "b@example.com", "--role", "admin"],
      ["x@example.com", "--rol", "admin"],
    ]) {
      await expect(staffAddCommand(argv)).rejects.toThrow(StaffAddUsageError);
    }
    expect(await db.auditEvent.count()).toBe(before);
  });
});

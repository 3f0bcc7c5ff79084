import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isOpen } from "@/lib/requests/lifecycle";
import { parseQueueFilter, QUEUE_PAGE_SIZE, type QueueFilter } from "@/lib/schemas/staff-requests";
import { listQueuePage, queueQuery, type QueueRow } from "./staff-queue";

// The queue over 100 000 requests: right rows, right order, every page reachable by keyset, and
// plans that read indexes rather than the table. (Timings live in `npm run bench`, not here.)

// The viewer is passed in; Auth.js itself (which needs a running Next.js) is not part of this test.
vi.mock("@/lib/auth", () => ({ auth: async () => null }));

const reviewer = { id: "reviewer", email: "riley@example.com", name: null, role: "REVIEWER" as const };
const customer = { ...reviewer, id: "customer", role: "CUSTOMER" as const };
const now = new Date();
const DAY = 864e5;

beforeAll(async () => {
  await db.$executeRaw`INSERT INTO "User" ("id", "email", "updatedAt") SELECT 'u' || g, 'bulk' || g || '@example.com', now() FROM generate_series(1, 1000) g`;
  // Mostly closed history; every 50th waiting for review, every 97th failed. Deadlines spread over
  // ~70 days around today, so some open requests are overdue and some due this week.
  await db.$executeRaw`
    INSERT INTO "PrivacyRequest" ("id", "reference", "userId", "type", "formats", "sourceKeys", "status", "submittedAt", "dueAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'DSR-2025-' || lpad(g::text, 6, '0'), 'u' || (g % 1000 + 1),
           (CASE WHEN g % 3 = 0 THEN 'PORTABILITY' ELSE 'ACCESS' END)::"RequestType", ARRAY['JSON']::"ExportFormat"[], ARRAY[]::text[],
           (CASE WHEN g % 50 = 0 THEN 'IDENTITY_REVIEW' WHEN g % 97 = 0 THEN 'FAILED' ELSE 'EXPIRED' END)::"RequestStatus",
           ${now}::timestamp - interval '30 days' - g * interval '1 minute', ${now}::timestamp + interval '5 days' - g * interval '1 minute', now()
      FROM generate_series(1, 100000) g`;
  // One extended request: its queue position follows the extended date, not the original one.
  await db.$executeRaw`UPDATE "PrivacyRequest" SET "extendedDueAt" = ${new Date(now.getTime() + 60 * DAY)}, "extensionReason" = 'complex' WHERE "reference" = 'DSR-2025-000050'`;
  await db.$executeRaw`ANALYZE "PrivacyRequest"`;
}, 120_000);

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

async function walk(filter: Omit<QueueFilter, "after">): Promise<QueueRow[]> {
  const rows: QueueRow[] = [];
  let after: string | undefined;
  do {
    const page = await listQueuePage(reviewer, { ...filter, after }, now);
    rows.push(...page.rows);
    after = page.next ?? undefined;
  } while (after);
  return rows;
}

const byDue = (rows: QueueRow[]) => rows.every((row, i) => i === 0 || rows[i - 1]!.due.getTime() <= row.due.getTime());

describe("the staff queue", () => {
  it("is for staff only", async () => {
    await expect(listQueuePage(customer, parseQueueFilter({}), now)).rejects.toThrow(/staff/);
  });

  it("shows open requests by their effective deadline by default, and pages through all of them once", async () => {
    const expected = await db.privacyRequest.count({ where: { status: { in: ["IDENTITY_REVIEW", "FAILED"] } } });
    const rows = await walk(parseQueueFilter({}));
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((row) => row.id)).size).toBe(expected);
    expect(rows.every((row) => isOpen(row.status))).toBe(true);
    expect(byDue(rows)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ reference: "DSR-2025-000050", overdue: false, dueSoon: false });
    expect(rows.at(-1)!.extendedDueAt).not.toBeNull();
  });

  it("flags overdue and due-soon requests, and filters by them, by type and by status", async () => {
    const overdue = await walk(parseQueueFilter({ due: "overdue" }));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((row) => row.overdue && row.due < now && row.daysLeft <= 0)).toBe(true);
    const soon = await walk(parseQueueFilter({ due: "soon" }));
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.every((row) => row.dueSoon && !row.overdue && row.daysLeft <= 7)).toBe(true);
    const failedPortability = await walk(parseQueueFilter({ status: "FAILED", type: "PORTABILITY" }));
    expect(failedPortability.length).toBeGreaterThan(0);
    expect(failedPortability.every((row) => row.status === "FAILED" && row.type === "PORTABILITY")).toBe(true);
    const first = await listQueuePage(reviewer, parseQueueFilter({ status: "all" }), now);
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.next).not.toBeNull();
  });

  it("finds a request by its reference or its customer's email, in any case", async () => {
    const [byReference] = (
      await listQueuePage(reviewer, parseQueueFilter({ status: "all", q: " dsr-2025-000097 " }), now)
    ).rows;
    expect(byReference).toMatchObject({ reference: "DSR-2025-000097", status: "FAILED" });
    const byEmail = (await listQueuePage(reviewer, parseQueueFilter({ status: "all", q: "BULK7@example.com" }), now))
      .rows;
    expect(byEmail.length).toBe(QUEUE_PAGE_SIZE);
    expect(byEmail.every((row) => row.email === "bulk7@example.com")).toBe(true);
  });

  it("ignores bad or tampered filter values instead of failing", () => {
    expect(
      parseQueueFilter({ status: "DROP TABLE", type: ["ACCESS", "x"], due: "yesterday", after: "1_../../x", q: "" }),
    ).toEqual({
      status: "open",
      type: "ACCESS",
      due: "any",
      q: undefined,
      after: undefined,
    });
  });

  it("reads indexes, never the whole request table, for every view", async () => {
    const views = [
      {},
      { status: "all" },
      { status: "IDENTITY_REVIEW" },
      { due: "overdue" },
      { due: "soon", type: "ACCESS" },
      { q: "DSR-2025-000100" },
      { q: "bulk3@example.com" },
    ];
    for (const view of views) {
      const first = await listQueuePage(reviewer, parseQueueFilter(view), now);
      const filter = parseQueueFilter({ ...view, after: first.next ?? undefined });
      const [plan] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${queueQuery(filter, now)}`,
      );
      const scans = planNodes((plan!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan).filter(
        (node) => node["Relation Name"] === "PrivacyRequest",
      );
      expect(
        scans.map((node) => node["Node Type"]),
        `plan for ${JSON.stringify(view)}`,
      ).not.toContain("Seq Scan");
      expect(
        scans.every(
          (node) => node["Index Name"]?.startsWith("PrivacyRequest_") || node["Node Type"] === "Bitmap Heap Scan",
        ),
      ).toBe(true);
    }
  });
});

import pg from "pg";
import { describe, expect, it } from "vitest";
import { seedDemoCompany } from "./index";

const url = process.env.DATABASE_URL!;
const total = (counts: Record<string, { live: number; erased: number }> = {}) =>
  Object.values(counts).reduce((sum, c) => sum + c.live + c.erased, 0);

describe("demo company seed", () => {
  it("is deterministic: seeding twice gives the same rows", async () => {
    const first = await seedDemoCompany(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const digest = async () => {
        const tables = ["customers", "orders", "activity_log", "support_tickets", "ticket_messages", "payments", "streams", "payouts"];
        const { rows } = await client.query(
          tables.map((t) => `SELECT md5(string_agg(x::text, ',' ORDER BY x.id)) AS d FROM streampay.${t} x`).join(" UNION ALL "),
        );
        return rows.map((r) => r.d).join();
      };
      const before = await digest();
      const second = await seedDemoCompany(url);
      expect(second).toEqual(first);
      expect(await digest()).toBe(before);
    } finally {
      await client.end();
    }
  });

  it("gives Alex about 10 000 rows with some erased, Sam none, and erases Erin entirely", async () => {
    const summary = await seedDemoCompany(url);
    expect(total(summary["alex@example.com"])).toBeGreaterThan(9_500);
    expect(summary["alex@example.com"]!.activity_log!.erased).toBe(26);
    expect(summary["alex@example.com"]!.orders!.erased).toBe(2);
    expect(summary["sam@example.com"]).toEqual({ customers: { live: 1, erased: 0 } });
    // The erased customer's email is blanked, so the summary knows it only by its external id.
    const erin = summary["cus_000005"]!;
    expect(Object.values(erin).every((c) => c.live === 0 && c.erased > 0)).toBe(true);
    expect(summary["jordan@example.com"]!.orders).toEqual({ live: 12, erased: 0 });
  });

  it("seeds the heavy customer's activity from the size knob", async () => {
    const summary = await seedDemoCompany(url, { activityRows: 20_000 });
    expect(summary["heavy@example.com"]!.activity_log).toEqual({ live: 20_000, erased: 0 });
  });
});

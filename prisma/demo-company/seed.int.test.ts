import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoCompanySummary, seedDemoCompany } from "./index";

const url = process.env.DATABASE_URL!;
const ROW_TABLES = [
  "customers",
  "orders",
  "activity_log",
  "support_tickets",
  "ticket_messages",
  "user_preferences",
  "payments",
  "streams",
  "payouts",
];

const total = (counts: Record<string, { live: number; erased: number }> = {}) =>
  Object.values(counts).reduce((sum, c) => sum + c.live + c.erased, 0);

let client: pg.Client;
let seeded: DemoCompanySummary;
beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  seeded = await seedDemoCompany(url);
});
afterAll(() => client.end());

/** Every row's owner and erasure mark, as one comparable list. */
async function erasureMarks(): Promise<string[]> {
  const owner = (table: string) =>
    table === "customers"
      ? "x.id"
      : table === "ticket_messages"
        ? "(SELECT t.customer_id FROM streampay.support_tickets t WHERE t.id = x.ticket_id)"
        : "x.customer_id";
  const { rows } = await client.query<{ mark: string }>(
    ROW_TABLES.map(
      (t) =>
        `SELECT '${t}:' || ${owner(t)} || ':' || coalesce(x.erased_at::text, 'live') AS mark FROM streampay.${t} x`,
    ).join(" UNION ALL "),
  );
  return rows.map((r) => r.mark).sort();
}

describe("demo company seed", () => {
  it("is deterministic: seeding twice gives the same rows", async () => {
    const digest = async () => {
      const { rows } = await client.query<{ d: string }>(
        ROW_TABLES.map((t) => `SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS d FROM streampay.${t} x`).join(
          " UNION ALL ",
        ),
      );
      return rows.map((r) => r.d).join();
    };
    const before = await digest();
    const again = await seedDemoCompany(url);
    expect(again).toEqual(seeded);
    expect(await digest()).toBe(before);
  });

  it("gives Alex about 10 000 rows with some erased, Sam none, and erases Erin entirely", async () => {
    const summary = seeded;
    expect(total(summary["alex@example.com"])).toBeGreaterThan(9_500);
    expect(total(summary["alex@example.com"])).toBeLessThan(11_000);
    expect(summary["alex@example.com"]!.activity_log!.erased).toBe(26);
    expect(summary["alex@example.com"]!.orders!.erased).toBe(2);
    expect(summary["sam@example.com"]).toEqual({ customers: { live: 1, erased: 0 } });
    // The erased customer's email is blanked, so the summary knows it only by its external id.
    const erin = summary["cus_000005"]!;
    expect(Object.keys(erin).sort()).toEqual([...ROW_TABLES].sort());
    expect(Object.values(erin).every((c) => c.live === 0 && c.erased > 0)).toBe(true);
    expect(summary["jordan@example.com"]!.orders).toEqual({ live: 12, erased: 0 });
  });

  it("puts obviously secret values in the never-export columns, so a leak is easy to spot", async () => {
    const { rows } = await client.query(
      `SELECT c.password_hash, c.api_key, c.risk_notes, o.internal_margin_cents, p.card_fingerprint, t.agent_notes
         FROM streampay.customers c
         JOIN streampay.orders o ON o.customer_id = c.id
         JOIN streampay.payments p ON p.customer_id = c.id
         JOIN streampay.support_tickets t ON t.customer_id = c.id
        WHERE c.email = 'alex@example.com' LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({
      password_hash: expect.stringMatching(/^\$argon2id\$/),
      api_key: expect.stringMatching(/^sk_live_/),
      risk_notes: expect.stringMatching(/^INTERNAL/),
      card_fingerprint: expect.stringMatching(/^fp_secret_/),
      agent_notes: expect.stringMatching(/^INTERNAL/),
    });
  });

  // Rolled back, so the tests after it still see the seeded company.
  it("erase_customer marks every row of that customer and nothing of anyone else", async () => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM streampay.customers WHERE email = 'jordan@example.com'`,
    );
    const jordan = rows[0]!.id;
    const isJordans = (mark: string) => mark.split(":")[1] === jordan;
    const before = await erasureMarks();
    await client.query("BEGIN");
    try {
      await client.query("SELECT streampay.erase_customer($1)", [jordan]);
      const after = await erasureMarks();
      expect(after.filter((m) => !isJordans(m))).toEqual(before.filter((m) => !isJordans(m)));
      const jordans = after.filter(isJordans);
      expect(new Set(jordans.map((m) => m.split(":")[0]))).toEqual(new Set(ROW_TABLES));
      expect(jordans.filter((m) => m.endsWith(":live"))).toEqual([]);
      const { rows: profile } = await client.query(
        `SELECT external_id, email, full_name, phone, address_line1, date_of_birth, password_hash, api_key, risk_notes
           FROM streampay.customers WHERE id = $1`,
        [jordan],
      );
      expect(profile[0]).toEqual({
        external_id: "cus_000003",
        email: null,
        full_name: null,
        phone: null,
        address_line1: null,
        date_of_birth: null,
        password_hash: null,
        api_key: null,
        risk_notes: null,
      });
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("seeds the heavy customer's activity from the size knob", async () => {
    const summary = await seedDemoCompany(url, { activityRows: 20_000 });
    expect(summary["heavy@example.com"]!.activity_log).toEqual({ live: 20_000, erased: 0 });
    expect(total(summary["heavy@example.com"])).toBe(20_001);
  });

  it("leaves the activity log's keyset index and foreign key in place after the bulk load", async () => {
    const { rows: indexes } = await client.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'streampay' AND indexname = 'activity_log_customer_id_id'`,
    );
    expect(indexes[0]?.indexdef).toContain("(customer_id, id)");
    await expect(
      client.query(
        `INSERT INTO streampay.activity_log (customer_id, occurred_at, event_type) VALUES (999999, now(), 'sign_in')`,
      ),
    ).rejects.toThrow(/foreign key/);
  });
});

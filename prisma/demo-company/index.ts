import { readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { withClient as withPgClient } from "@/lib/database/availability";
import { withActivityLogBulkLoad } from "./activity-bulk-load";
import { type DemoCustomer, demoCustomers } from "./customers";
import { insertConversation, insertHistory } from "./history";

// The seeded demo company (schema "streampay"): what the built-in data sources export. A company
// that self-hosts the portal points SOURCE_DATABASE_URL at its own database instead.

const SCHEMA_FILE = path.resolve(process.cwd(), "prisma/demo-company/schema.sql");

const TABLES = [
  "customers",
  "orders",
  "activity_log",
  "support_tickets",
  "ticket_messages",
  "user_preferences",
  "payments",
  "streams",
  "payouts",
] as const;

const ERASED_AT = "timestamptz '2025-01-15 12:00:00+00'";

/** Rows per table for one customer, counted after seeding: { orders: { live: 598, erased: 2 } }. */
export type DemoCompanySummary = Record<string, Record<string, { live: number; erased: number }>>;

const withClient = <T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> =>
  withPgClient(databaseUrl, "demo-company", run);

export async function applyDemoCompanySchema(databaseUrl: string): Promise<void> {
  const sql = await readFile(SCHEMA_FILE, "utf8");
  await withClient(databaseUrl, (client) => client.query(sql).then(() => undefined));
}

/** Empties and refills the demo company, the same way on every run. */
export async function seedDemoCompany(
  databaseUrl: string,
  options: { activityRows?: number; log?: (line: string) => void } = {},
): Promise<DemoCompanySummary> {
  const started = Date.now();
  const activityRows = options.activityRows ?? 0;
  await applyDemoCompanySchema(databaseUrl);
  return withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    await client.query(`TRUNCATE ${TABLES.map((t) => `streampay.${t}`).join(", ")} RESTART IDENTITY CASCADE`);
    await withActivityLogBulkLoad(client, () => insertCustomers(client, demoCustomers(activityRows)));
    await eraseSomeOfAlexsHistory(client);
    await client.query("COMMIT");
    await client.query(`ANALYZE ${TABLES.map((t) => `streampay.${t}`).join(", ")}`);
    const summary = await summarise(client);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // No address in the line: the logger masks every email, which left "[email] has 0 activity rows".
    options.log?.(`Demo company seeded in ${seconds} s (SEED_ACTIVITY_ROWS: ${activityRows} for the heavy customer).`);
    return summary;
  });
}

/**
 * Adds customers (and their history) to an already seeded demo company, in one transaction: for
 * benchmarks that need many data subjects, e.g. the burst of `npm run bench`.
 */
export async function addDemoCustomers(databaseUrl: string, customers: DemoCustomer[]): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    await insertCustomers(client, customers);
    await client.query("COMMIT");
    await client.query(`ANALYZE ${TABLES.map((t) => `streampay.${t}`).join(", ")}`);
  });
}

async function insertCustomers(client: pg.Client, customers: DemoCustomer[]): Promise<void> {
  for (const customer of customers) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO streampay.customers (external_id, email, full_name, phone, country, address_line1, city, postal_code, date_of_birth,
                                        created_at, updated_at, password_hash, risk_notes, api_key)
       VALUES ($1::text, $2, $3, '+353 1 555 ' || right($1::text, 4), $4, right($1::text, 2) || ' Quay Street', 'Dublin', 'D02 X285',
               date '1990-04-12', timestamptz '2023-12-01 10:00:00+00', timestamptz '2024-06-01 10:00:00+00',
               '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0$' || md5($1::text), 'INTERNAL risk review: low risk, manual check ' || $1::text,
               'sk_live_' || md5('api:' || $1::text))
       RETURNING id`,
      [customer.externalId, customer.email, customer.name, customer.country],
    );
    const id = rows[0]!.id;
    await insertHistory(client, id, customer.history);
    if (customer.conversation) await insertConversation(client, id, customer.conversation);
    if (customer.erased) await client.query(`SELECT streampay.erase_customer($1, ${ERASED_AT})`, [id]);
  }
}

/** Alex asked for some rows to be erased before: they must never show up in an export. */
async function eraseSomeOfAlexsHistory(client: pg.Client): Promise<void> {
  const alex = `(SELECT id FROM streampay.customers WHERE external_id = 'cus_000001')`;
  await client.query(`UPDATE streampay.activity_log SET erased_at = ${ERASED_AT}
                       WHERE customer_id = ${alex} AND (details->>'sequence')::int % 340 = 0`);
  await client.query(`UPDATE streampay.orders SET erased_at = ${ERASED_AT}
                       WHERE customer_id = ${alex} AND (order_number LIKE '%-00100' OR order_number LIKE '%-00200')`);
}

async function summarise(client: pg.Client): Promise<DemoCompanySummary> {
  const perCustomer = (table: string) =>
    table === "customers"
      ? `SELECT c.email, c.external_id, (c.erased_at IS NOT NULL) AS erased, count(*)::int AS n FROM streampay.customers c GROUP BY 1, 2, 3`
      : table === "ticket_messages"
        ? `SELECT c.email, c.external_id, (m.erased_at IS NOT NULL) AS erased, count(*)::int AS n FROM streampay.ticket_messages m
             JOIN streampay.support_tickets t ON t.id = m.ticket_id JOIN streampay.customers c ON c.id = t.customer_id GROUP BY 1, 2, 3`
        : `SELECT c.email, c.external_id, (x.erased_at IS NOT NULL) AS erased, count(*)::int AS n FROM streampay.${table} x
             JOIN streampay.customers c ON c.id = x.customer_id GROUP BY 1, 2, 3`;
  const summary: DemoCompanySummary = {};
  for (const table of TABLES) {
    const { rows } = await client.query<{ email: string | null; external_id: string; erased: boolean; n: number }>(
      perCustomer(table),
    );
    for (const row of rows) {
      const who = row.email ?? row.external_id;
      const counts = ((summary[who] ??= {})[table] ??= { live: 0, erased: 0 });
      counts[row.erased ? "erased" : "live"] += row.n;
    }
  }
  return summary;
}

import type pg from "pg";

// A million activity rows insert in about half the time when Postgres does not check the foreign
// key row by row and maintain the keyset index on every insert: one FK validation query and one
// index build at the end are far cheaper. Runs inside the seed's transaction, so nobody ever sees
// the table without them. The definitions match schema.sql.

const FOREIGN_KEY = "activity_log_customer_id_fkey";
const KEYSET_INDEX = "activity_log_customer_id_id";

export async function withActivityLogBulkLoad<T>(client: pg.Client, load: () => Promise<T>): Promise<T> {
  await client.query(`ALTER TABLE streampay.activity_log DROP CONSTRAINT IF EXISTS ${FOREIGN_KEY}`);
  await client.query(`DROP INDEX IF EXISTS streampay.${KEYSET_INDEX}`);
  const result = await load();
  await client.query(`CREATE INDEX ${KEYSET_INDEX} ON streampay.activity_log (customer_id, id)`);
  await client.query(
    `ALTER TABLE streampay.activity_log ADD CONSTRAINT ${FOREIGN_KEY} FOREIGN KEY (customer_id) REFERENCES streampay.customers(id)`,
  );
  return result;
}

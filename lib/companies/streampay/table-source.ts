import { sqlSource, type SqlSourceDefinition, type SqlSourceQuery } from "@/lib/sources/sql-source";

/**
 * StreamPay's tables hang off `customers` by `customer_id`. The subject (a customer's external
 * id) is looked up in the customers table once per collect, so a customer StreamPay has erased
 * (customers.erased_at set) matches no rows at all.
 */
export const STREAMPAY_SUBJECT = "t.customer_id = $1";
/** The customer's internal id from their external id; no row once StreamPay has erased them. */
export const STREAMPAY_SUBJECT_KEY =
  "SELECT c.id FROM streampay.customers c WHERE c.external_id = $1 AND c.erased_at IS NULL";

type TableDefinition = Omit<SqlSourceDefinition, "query"> & {
  query: Omit<SqlSourceQuery, "subject"> & { subject?: string };
};

/** A StreamPay table as a source, matched to the subject by `customer_id` unless it says otherwise. */
export function streampayTable(definition: TableDefinition) {
  const { subject } = definition.query;
  const query = subject
    ? { ...definition.query, subject }
    : { ...definition.query, subject: STREAMPAY_SUBJECT, subjectKey: STREAMPAY_SUBJECT_KEY };
  return sqlSource({ ...definition, query });
}

import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

// The audit log's filters, shared by the page (/admin/audit), the CSV route and the DAL. They
// arrive as URL search parameters that anyone can edit, so each one is parsed on its own: a bad
// value is dropped with a message the page shows, and never turns into a 500.

const REFERENCE = /^DSR-\d{4}-\d{6,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const day = z.iso.date({ message: "must be a date (YYYY-MM-DD)" });

const fields = {
  actor: z.string().trim().min(1).max(254, "is too long"),
  action: z.enum(AUDIT_ACTIONS, { message: "is not an audit action" }),
  request: z
    .string()
    .trim()
    .refine((value) => REFERENCE.test(value) || UUID.test(value), {
      message: "must be a reference (DSR-2026-000123) or a request id",
    }),
  from: day,
  to: day,
  // Keyset pagination: show events older than this id (ids only grow).
  before: z
    .string()
    .regex(/^\d{1,18}$/, "must be an event number")
    .transform((value) => BigInt(value)),
} as const;

const LABEL: Record<keyof typeof fields, string> = {
  actor: "Actor",
  action: "Action",
  request: "Request",
  from: "From",
  to: "To",
  before: "Page",
};

export type AuditLogFilter = { [K in keyof typeof fields]?: z.output<(typeof fields)[K]> };

export type SearchParams = Record<string, string | string[] | undefined>;

/** Each filter that parses; the others are listed in `problems` ("From must be a date …"). */
export function parseAuditLogFilter(params: SearchParams | URLSearchParams): {
  filter: AuditLogFilter;
  problems: string[];
} {
  const read = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const filter: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const raw = read(key);
    if (raw.trim() === "") continue;
    const parsed = fields[key].safeParse(raw);
    if (parsed.success) filter[key] = parsed.data;
    else problems.push(`${LABEL[key]} ${parsed.error.issues[0]?.message ?? "is not valid"}; it was ignored.`);
  }
  if (typeof filter.from === "string" && typeof filter.to === "string" && filter.from > filter.to) {
    problems.push("From is after To; the date range was ignored.");
    delete filter.from;
    delete filter.to;
  }
  return { filter: filter as AuditLogFilter, problems };
}

/** The filter as search parameters (without the page cursor), for links and the CSV download. */
export function auditLogFilterParams(filter: AuditLogFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "request", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

import { Readable } from "node:stream";
import { exportCsvStream } from "@/lib/export/csv";
import type { HashedAuditFields } from "./hash";

// The audit log as CSV for a regulator or an auditor: one row per event, with both hashes so
// the chain can be checked outside the portal. Cells go through the archive's CSV writer, which
// guards against spreadsheet formulas (an email or a user agent is attacker-controlled text).

export const AUDIT_CSV_COLUMNS = [
  "id",
  "createdAt",
  "actorType",
  "actorId",
  "actorEmail",
  "action",
  "requestReference",
  "requestId",
  "targetType",
  "targetId",
  "ip",
  "userAgent",
  "metadata",
  "prevHash",
  "hash",
] as const;

export type AuditCsvEvent = HashedAuditFields & { id: bigint; request: { reference: string } | null; hash: string };

async function* records(events: AsyncIterable<AuditCsvEvent>) {
  for await (const { request, ...event } of events) {
    yield {
      ...event,
      id: event.id.toString(),
      createdAt: event.createdAt.toISOString(),
      requestReference: request?.reference ?? null,
    };
  }
}

/** A web stream of the CSV, produced as the events arrive. */
export function auditCsvStream(events: AsyncIterable<AuditCsvEvent>): ReadableStream<Uint8Array> {
  return Readable.toWeb(exportCsvStream(AUDIT_CSV_COLUMNS, records(events))) as ReadableStream<Uint8Array>;
}

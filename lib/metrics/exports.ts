import { Prisma } from "@/lib/generated/prisma/client";
import { DatabaseHistogram } from "./database-histogram";

// Exports, from the archives they leave (lib/requests/package-archive.ts writes ExportArchive in
// the worker): how long a request waited from its identity approval to its archive, and how big
// archives are. Read from the database at scrape time, so every web instance reports the same.

// An export of a typical customer takes seconds, of a million rows a minute or two; the legal
// clock is counted in days, so the buckets reach a day.
const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 86400];
const SIZE_BUCKETS = [16e3, 64e3, 256e3, 1e6, 4e6, 16e6, 64e6, 256e6, 1e9, 4e9];

export const exportDuration = new DatabaseHistogram(
  "portal_export_duration_seconds",
  "Time from a request's identity approval (else its first collect) to its archive being stored.",
  DURATION_BUCKETS,
  () => ({
    values: Prisma.sql`
      SELECT EXTRACT(EPOCH FROM a."createdAt" - COALESCE(ic."decidedAt", s.started))::float8 AS v
      FROM "ExportArchive" a
      LEFT JOIN "IdentityCheck" ic ON ic."requestId" = a."requestId"
      LEFT JOIN LATERAL (SELECT min(rs."startedAt") AS started
                         FROM "RequestSource" rs WHERE rs."requestId" = a."requestId") s ON true`,
  }),
);

export const exportSize = new DatabaseHistogram(
  "portal_export_size_bytes",
  "Size of each export archive (ZIP) stored.",
  SIZE_BUCKETS,
  () => ({ values: Prisma.sql`SELECT a."sizeBytes"::float8 AS v FROM "ExportArchive" a` }),
);

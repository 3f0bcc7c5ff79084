import { isCollected, type SettledSourceStatus } from "@/lib/requests/source-lifecycle";
import type { DataSource } from "@/lib/sources/types";
import type { StagedFiles } from "./staging";

// What the package step hands to writeExportArchive: small metadata only, plus where each
// source's records were staged. Validated upstream (zod at the workflow boundary).

export type ExportFormat = "JSON" | "CSV";

export type ArchiveSource = {
  /** Only the declaration is used (Art. 15(1) texts, fields); the collector is never called. */
  source: Omit<DataSource, "collect"> & Partial<Pick<DataSource, "collect">>;
  status: SettledSourceStatus;
  recordCount: number;
  /** Where the collect step staged the records; may be absent for a DONE source with 0 records. */
  stagingKey?: string;
  /** The deflated data files the collect step staged; absent for staging written before them (NDJSON at stagingKey). */
  files?: StagedFiles;
  /** Art. 15(4): how many spans of other people's data were replaced by the marker in this source's files. */
  redactions?: number;
  /** Shown to the customer when FAILED: plain words, never a stack trace. */
  error?: string;
};

export type ArchiveInput = {
  request: {
    id: string;
    reference: string;
    type: "ACCESS" | "PORTABILITY";
    submittedAt: Date;
    formats: ExportFormat[];
    range?: { from?: Date; to?: Date };
  };
  subject: { id: string; email: string; name?: string };
  /** Who asked for the subject when it was not the subject (GDPR recital 63): README.html says so. */
  agent?: {
    email: string;
    relationship: "PARENT_OR_GUARDIAN" | "LAWYER" | "AUTHORISED_AGENT" | "OTHER";
    mandateReceivedAt: Date;
    mandateSha256: string;
  };
  controller: {
    name: string;
    contactEmail: string;
    address?: string;
    dpoEmail?: string;
    supervisoryAuthority: { name: string; url: string };
  };
  generatedAt: Date;
  sources: ArchiveSource[];
  /** The language README.html is written in: the one the customer asked in. Default: DEFAULT_LOCALE. */
  locale?: string | null;
};

/** File names inside the ZIP come from source keys: keep them to one safe path segment. */
const SOURCE_KEY = /^[a-z0-9][a-z0-9_-]*$/;

/** Rejects input that would produce a wrong or unsafe archive, before anything is written. */
export function assertArchiveInput(input: ArchiveInput): void {
  if (input.request.formats.length === 0) throw new Error("An export needs at least one format (JSON or CSV).");
  const seen = new Set<string>();
  for (const { source, status, recordCount, stagingKey } of input.sources) {
    if (!SOURCE_KEY.test(source.key))
      throw new Error(`Source key ${JSON.stringify(source.key)} is not a safe file name.`);
    if (seen.has(source.key)) throw new Error(`Source "${source.key}" appears twice in the archive input.`);
    seen.add(source.key);
    if (!Number.isSafeInteger(recordCount) || recordCount < 0) {
      throw new Error(`Source "${source.key}" has an invalid record count: ${recordCount}.`);
    }
    if (isCollected(status) && recordCount > 0 && !stagingKey) {
      throw new Error(`Source "${source.key}" has ${recordCount} records but no staging key.`);
    }
  }
}

/** Formats in a fixed order (JSON first), without duplicates. */
export function archiveFormats(input: ArchiveInput): ExportFormat[] {
  return (["JSON", "CSV"] as const).filter((format) => input.request.formats.includes(format));
}

export function dataFilePath(sourceKey: string, format: ExportFormat): string {
  return `data/${sourceKey}.${format === "JSON" ? "json" : "csv"}`;
}

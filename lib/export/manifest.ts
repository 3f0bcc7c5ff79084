import { isCollected, isSourceFailed } from "@/lib/requests/source-lifecycle";
import { countingDescription } from "@/lib/sources/declaration-text";
import type { DataTransfer, RecordCounting } from "@/lib/sources/types";
import type { ArchiveInput, ArchiveSource } from "./archive-input";

// manifest.json is the machine-readable twin of README.html: what was exported, for whom, from
// where, and a sha256 of every file so the customer (or the next controller, Art. 20) can check
// the archive is complete and unaltered. Bump schemaVersion on any incompatible change.

export type ManifestFile = {
  /** Path inside the ZIP, e.g. "data/orders.json". */
  path: string;
  bytes: number;
  sha256: string;
  /** Records in a data file; absent for README.html and manifest.json. */
  records?: number;
};

export type ManifestSource = {
  key: string;
  title: string;
  description: string;
  status: ArchiveSource["status"];
  recordCount: number;
  error?: string;
  /** Art. 15(1)(a)-(d), (g) and the Art. 6(1) legal basis, as declared by the source. */
  purposes: string[];
  legalBasis: string;
  categories: string[];
  recipients: string[];
  /** Art. 15(2): recipients outside the EEA and their safeguard; [] when the source declares none. */
  transfers: DataTransfer[];
  retention: string;
  origin: string;
  /**
   * Art. 15(1), the whole copy: how recordCount was obtained, and whether the source answered
   * completely (false for a FAILED source: nothing of it is in the archive).
   */
  count: RecordCounting & { description: string; complete: boolean };
  /** Art. 15(4): passages of other people's data replaced by the marker in this source's files. */
  redactions: number;
  /** Paths of this source's data files. */
  files: string[];
  /** The data dictionary: field → what it means. */
  fields: Record<string, string>;
};

export type ExportManifest = {
  schemaVersion: 1;
  request: {
    reference: string;
    type: ArchiveInput["request"]["type"];
    submittedAt: string;
    range: { from?: string; to?: string } | null;
  };
  subject: { id: string; email: string };
  generatedAt: string;
  controller: ArchiveInput["controller"];
  sources: ManifestSource[];
  files: ManifestFile[];
};

export function buildManifest(input: ArchiveInput, files: ManifestFile[]): ExportManifest {
  const { request, subject, controller } = input;
  return {
    schemaVersion: 1,
    request: {
      reference: request.reference,
      type: request.type,
      submittedAt: request.submittedAt.toISOString(),
      range: request.range ? { from: request.range.from?.toISOString(), to: request.range.to?.toISOString() } : null,
    },
    // The subject's name is left out: id and email identify them; the manifest says no more than needed.
    subject: { id: subject.id, email: subject.email },
    generatedAt: input.generatedAt.toISOString(),
    controller,
    sources: input.sources.map(({ source, status, recordCount, error, redactions }) => ({
      key: source.key,
      title: source.title,
      description: source.description,
      status,
      recordCount,
      ...(isSourceFailed(status) ? { error: error ?? "The data could not be collected." } : {}),
      purposes: source.purposes,
      legalBasis: source.legalBasis,
      categories: source.categories,
      recipients: source.recipients,
      transfers: source.transfers,
      retention: source.retention,
      origin: source.origin,
      count: {
        ...source.counting,
        description: countingDescription(source.counting),
        complete: isCollected(status),
      },
      redactions: redactions ?? 0,
      files: files.filter((file) => file.path.startsWith(`data/${source.key}.`)).map((file) => file.path),
      fields: source.fields,
    })),
    files,
  };
}

export function serializeManifest(manifest: ExportManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

// Storage keys are built from server-side ids only (DESIGN.md, security model): nothing a
// customer typed ever becomes part of a path. Each segment is checked anyway so that a bad id is
// a loud bug here rather than a stray object somewhere else in the bucket.

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function segment(value: string, what: string): string {
  if (!SEGMENT.test(value)) throw new Error(`Invalid ${what} for a storage key: ${JSON.stringify(value)}`);
  return value;
}

/** Everything staged for one request; the cleanup cron deletes this prefix with the archive. */
export function stagingPrefix(requestId: string): string {
  return `staging/${segment(requestId, "request id")}/`;
}

/** Where the collect step for `sourceKey` stages its NDJSON. Re-running the step overwrites it. */
export function stagingKey(requestId: string, sourceKey: string): string {
  return `${stagingPrefix(requestId)}${segment(sourceKey, "source key")}.ndjson`;
}

/** The final archive of a request; the reference makes the downloaded file name meaningful. */
export function exportArchiveKey(requestId: string, reference: string): string {
  return `exports/${segment(requestId, "request id")}/${segment(reference, "request reference")}.zip`;
}

/** Everything stored for a request's mandate (lib/mandates); deleted with the archive. */
export function mandatePrefix(requestId: string): string {
  return `mandates/${segment(requestId, "request id")}/`;
}

/** The mandate an agent uploaded: named by its row's id and the type its bytes showed, never the file's own name. */
export function mandateKey(requestId: string, mandateId: string, extension: "pdf" | "png" | "jpg"): string {
  return `${mandatePrefix(requestId)}${segment(mandateId, "mandate id")}.${segment(extension, "extension")}`;
}

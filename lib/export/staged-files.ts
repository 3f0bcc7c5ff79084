import { z } from "zod";
import type { StagedFiles } from "./staging";

// RequestSource.stagedFiles as the collect step wrote it (a JSON column): read back through a
// schema, so a row written by another version fails loudly here rather than as a broken ZIP.

const stagedDataFile = z.object({
  key: z.string().min(1),
  records: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  crc32: z.number().int().nonnegative(),
  compressedBytes: z.number().int().nonnegative(),
});

const stagedFiles = z.object({ JSON: stagedDataFile.optional(), CSV: stagedDataFile.optional() });

/** The staged files of a RequestSource row; undefined for staging written before files were staged deflated. */
export function stagedFilesOf(value: unknown): StagedFiles | undefined {
  return value === null || value === undefined ? undefined : stagedFiles.parse(value);
}

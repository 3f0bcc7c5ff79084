"use server";

import { z } from "zod";
import { verifyAuditLog } from "@/lib/dal/audit-log";
import { action } from "./procedure";

export type ChainVerdict =
  { intact: true; checked: number } | { intact: false; checked: number; brokenAt: string; reason: string };

/** The audit log's "Verify chain" button: recomputes every hash (lib/audit/verify.ts). */
export const verifyAuditChainAction = action({ who: "staff", input: z.object({}) }, async (_input, { viewer }) => {
  const report = await verifyAuditLog(viewer);
  const verdict: ChainVerdict = report.ok
    ? { intact: true, checked: report.checked }
    : { intact: false, checked: report.checked, brokenAt: report.brokenAt.toString(), reason: report.reason };
  return { ok: true, data: verdict };
});

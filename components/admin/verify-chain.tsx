"use client";

import { useActionState } from "react";
import { verifyAuditChainAction } from "@/lib/actions/audit-log";

const VERIFY_BUTTON =
  "rounded-md bg-white px-4 py-2 text-sm font-semibold text-zinc-900 ring-1 ring-inset ring-zinc-300 " +
  "hover:bg-zinc-50 disabled:cursor-not-allowed";

/** Recomputes the audit log's hash chain and says whether it is intact or where it breaks. */
export function VerifyChain() {
  const [state, verify, pending] = useActionState(verifyAuditChainAction, null);
  return (
    <form action={verify} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={VERIFY_BUTTON}>
        {pending ? "Verifying…" : "Verify chain"}
      </button>
      <p role="status" className="text-sm" data-testid="chain-verdict">
        {state === null ? null : !state.ok ? (
          <span className="text-red-700">{state.error}</span>
        ) : state.data.intact ? (
          <span className="text-green-800">
            Chain intact, {state.data.checked.toLocaleString("en-GB")} events checked.
          </span>
        ) : (
          <span className="font-semibold text-red-700">
            Chain broken at event #{state.data.brokenAt}: {state.data.reason}.{" "}
            {state.data.checked.toLocaleString("en-GB")} events before it are intact.
          </span>
        )}
      </p>
    </form>
  );
}

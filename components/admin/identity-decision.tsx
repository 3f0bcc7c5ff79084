"use client";

import { useActionState } from "react";
import { decideIdentityAction } from "@/lib/actions/identity";

/** Approve, or reject with a reason, a request's pending identity check. */
export function IdentityDecision({ requestId, reference }: { requestId: string; reference: string }) {
  const [state, action, pending] = useActionState(decideIdentityAction, null);
  if (state?.ok) return <p className="text-sm text-green-800">Decided.</p>;
  const reasonId = `reason-${requestId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <button
        type="submit"
        name="decision"
        value="APPROVED"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-brand-700"
        aria-label={`Approve identity for ${reference}`}
      >
        Approve
      </button>
      <label htmlFor={reasonId} className="sr-only">
        Reason for rejecting {reference}
      </label>
      <input id={reasonId} name="reason" placeholder="Reason to reject" maxLength={500} className="w-40 rounded-md border border-zinc-300 px-2 py-1 text-xs" />
      <button
        type="submit"
        name="decision"
        value="REJECTED"
        disabled={pending}
        className="rounded-md px-3 py-1.5 text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-50"
        aria-label={`Reject identity for ${reference}`}
      >
        Reject
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

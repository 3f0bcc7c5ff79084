"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";

const SUBMIT = "inline-flex items-center rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed";

type StaffAction = (previous: ActionResult<string> | null, formData: FormData) => Promise<ActionResult<string>>;

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-zinc-400",
  danger: "bg-white text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-50",
  secondary: "bg-white text-zinc-900 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50",
} as const;

/**
 * One staff action on one request: its fields (children), a submit button, and the outcome as a
 * message the reviewer can act on. The request id travels as a field; the server checks it.
 */
export function StaffActionForm(props: {
  action: StaffAction;
  requestId: string;
  submitLabel: string;
  variant?: keyof typeof variants;
  fields?: Record<string, string>;
  children?: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  return (
    <form action={formAction} className={`space-y-3 ${props.className ?? ""}`}>
      <input type="hidden" name="requestId" value={props.requestId} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" disabled={pending} className={`${SUBMIT} ${variants[props.variant ?? "primary"]}`}>
        {props.submitLabel}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {state.data}
        </p>
      ) : null}
    </form>
  );
}

/** A required reason the customer will read. */
export function ReasonField({ id, label, hint }: { id: string; label: string; hint: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-600">
        {hint}
      </p>
      <textarea
        id={id}
        name="reason"
        required
        minLength={5}
        maxLength={500}
        rows={2}
        aria-describedby={`${id}-hint`}
        className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5 text-sm"
      />
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { changeStaffRoleAction, inviteReviewerAction, removeStaffMemberAction } from "@/lib/actions/staff";
import type { ActionResult } from "@/lib/actions/result";

const INVITE_BUTTON =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:bg-zinc-400";
const SMALL_BUTTON = "rounded-md px-3 py-1 text-sm font-semibold ring-1 ring-inset";

function Outcome({ state, id }: { state: ActionResult<string> | null; id?: string }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" id={id} className="text-sm text-green-800">
      {state.data}
    </p>
  ) : (
    <p role="alert" id={id} className="text-sm text-red-700">
      {state.error}
    </p>
  );
}

/** Gives an email address the reviewer role and emails them a sign-in invitation. */
export function InviteReviewerForm() {
  const [state, invite, pending] = useActionState(inviteReviewerAction, null);
  return (
    <form action={invite} className="mt-4 flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium text-zinc-800">
        Email address
        <input
          type="email"
          name="email"
          required
          autoComplete="off"
          aria-describedby="invite-outcome"
          className="mt-1 block w-72 rounded-md border border-zinc-300 px-3 py-2 text-sm"
        />
      </label>
      <button type="submit" disabled={pending} className={INVITE_BUTTON}>
        Invite reviewer
      </button>
      <div className="w-full">
        <Outcome state={state} id="invite-outcome" />
      </div>
    </form>
  );
}

/** Change one member's role, or remove them from staff (back to a customer account). */
export function StaffMemberControls({
  userId,
  email,
  role,
}: {
  userId: string;
  email: string;
  role: "REVIEWER" | "ADMIN";
}) {
  const [changed, change, changing] = useActionState(changeStaffRoleAction, null);
  const [removed, remove, removing] = useActionState(removeStaffMemberAction, null);
  const selectId = `role-${userId}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={change} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label htmlFor={selectId} className="sr-only">
            Role for {email}
          </label>
          <select
            id={selectId}
            name="role"
            defaultValue={role}
            className="rounded-md border border-zinc-300 px-2 py-1 text-sm"
          >
            <option value="REVIEWER">Reviewer</option>
            <option value="ADMIN">Admin</option>
          </select>
          <button
            type="submit"
            disabled={changing}
            className={`${SMALL_BUTTON} text-zinc-900 ring-zinc-300 hover:bg-zinc-50`}
          >
            Save role<span className="sr-only"> for {email}</span>
          </button>
        </form>
        <form action={remove}>
          <input type="hidden" name="userId" value={userId} />
          <button
            type="submit"
            disabled={removing}
            className={`${SMALL_BUTTON} text-red-800 ring-red-300 hover:bg-red-50`}
          >
            Remove<span className="sr-only"> {email} from staff</span>
          </button>
        </form>
      </div>
      <Outcome state={changed} />
      <Outcome state={removed} />
    </div>
  );
}

import type { Metadata } from "next";
import { InviteReviewerForm, StaffMemberControls } from "@/components/admin/staff-forms";
import { Card } from "@/components/ui/card";
import { cell, DataTable, lastCell } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/dal/session";
import { listStaffMembers } from "@/lib/dal/staff";
import { formatDay } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Staff and roles" };

const ROLE_LABEL = { REVIEWER: "Reviewer", ADMIN: "Admin" } as const;

const DESCRIPTION =
  "Reviewers decide identity checks and work the queue; admins can also manage staff. " +
  "Every change is recorded in the audit log. The last admin cannot be removed, and nobody can change their own role.";

const COLUMNS = ["Email", "Role", "Signed in before", "Account since", "Change"] as const;

type StaffMember = Awaited<ReturnType<typeof listStaffMembers>>[number];

function StaffRow({ member, isViewer }: { member: StaffMember; isViewer: boolean }) {
  const role = member.role as keyof typeof ROLE_LABEL;
  return (
    <tr className="border-b border-zinc-100 align-top">
      <td className={cell}>
        {member.email}
        {member.name ? <span className="block text-zinc-600">{member.name}</span> : null}
      </td>
      <td className={cell}>{ROLE_LABEL[role]}</td>
      <td className={cell}>{member.emailVerified ? "Yes" : "Not yet"}</td>
      <td className={cell}>{formatDay(member.createdAt)}</td>
      <td className={lastCell}>
        {isViewer ? (
          <span className="text-zinc-600">You (another admin can change your role)</span>
        ) : (
          <StaffMemberControls userId={member.id} email={member.email} role={role} />
        )}
      </td>
    </tr>
  );
}

export default async function StaffPage() {
  // Admins only: a reviewer gets the same 404 as a customer.
  const viewer = await requireAdmin("/admin/staff");
  const staff = await listStaffMembers(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Staff and roles" description={DESCRIPTION} />
      <Card aria-labelledby="invite-title">
        <h2 id="invite-title" className="text-lg font-semibold">
          Invite a reviewer
        </h2>
        <p className="mt-1 text-sm text-zinc-600">
          They get an email with a link to the sign-in page; they sign in with a one-time link sent to that address.
        </p>
        <InviteReviewerForm />
      </Card>
      <Card aria-labelledby="staff-title">
        <h2 id="staff-title" className="text-lg font-semibold">
          Staff
        </h2>
        <div className="mt-4 overflow-x-auto">
          <DataTable caption="Members of staff and their roles" columns={COLUMNS} data-testid="staff-members">
            {staff.map((member) => (
              <StaffRow key={member.id} member={member} isViewer={member.id === viewer.id} />
            ))}
          </DataTable>
        </div>
      </Card>
    </div>
  );
}

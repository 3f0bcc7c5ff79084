import type { Metadata } from "next";
import { InviteReviewerForm, StaffMemberControls } from "@/components/admin/staff-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/dal/session";
import { listStaffMembers } from "@/lib/dal/staff";
import { formatDay } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Staff and roles" };

const ROLE_LABEL = { REVIEWER: "Reviewer", ADMIN: "Admin" } as const;

export default async function StaffPage() {
  // Admins only: a reviewer gets the same 404 as a customer.
  const viewer = await requireAdmin("/admin/staff");
  const staff = await listStaffMembers(viewer);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Staff and roles"
        description="Reviewers decide identity checks and work the queue; admins can also manage staff. Every change is recorded in the audit log. The last admin cannot be removed, and nobody can change their own role."
      />
      <Card aria-labelledby="invite-title">
        <h2 id="invite-title" className="text-lg font-semibold">
          Invite a reviewer
        </h2>
        <p className="mt-1 text-sm text-zinc-600">They get an email with a link to the sign-in page; they sign in with a one-time link sent to that address.</p>
        <InviteReviewerForm />
      </Card>
      <Card aria-labelledby="staff-title">
        <h2 id="staff-title" className="text-lg font-semibold">
          Staff
        </h2>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="staff-members">
            <caption className="sr-only">Members of staff and their roles</caption>
            <thead className="border-b border-zinc-200 text-zinc-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Email</th>
                <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                <th scope="col" className="py-2 pr-4 font-medium">Signed in before</th>
                <th scope="col" className="py-2 pr-4 font-medium">Account since</th>
                <th scope="col" className="py-2 font-medium">Change</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => {
                const role = member.role as keyof typeof ROLE_LABEL;
                return (
                  <tr key={member.id} className="border-b border-zinc-100 align-top">
                    <td className="py-2 pr-4">
                      {member.email}
                      {member.name ? <span className="block text-zinc-600">{member.name}</span> : null}
                    </td>
                    <td className="py-2 pr-4">{ROLE_LABEL[role]}</td>
                    <td className="py-2 pr-4">{member.emailVerified ? "Yes" : "Not yet"}</td>
                    <td className="py-2 pr-4">{formatDay(member.createdAt)}</td>
                    <td className="py-2">
                      {member.id === viewer.id ? (
                        <span className="text-zinc-600">You (another admin can change your role)</span>
                      ) : (
                        <StaffMemberControls userId={member.id} email={member.email} role={role} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

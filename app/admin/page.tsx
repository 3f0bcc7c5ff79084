import { IdentityDecision } from "@/components/admin/identity-decision";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listPrivacyRequestQueue } from "@/lib/dal/privacy-requests";
import { requireStaff } from "@/lib/dal/session";

// Its title comes from app/admin/layout.tsx, which shows it to staff only.

export default async function AdminQueuePage() {
  const viewer = await requireStaff("/admin");
  const queue = await listPrivacyRequestQueue(viewer);
  return (
    <div>
      <PageHeader title="Review console" description={`Signed in as ${viewer.email} (${viewer.role.toLowerCase()}). Requests with the nearest legal deadline come first.`} />
      <Card aria-labelledby="queue-title">
        <h2 id="queue-title" className="text-lg font-semibold">
          Request queue
        </h2>
        {queue.length === 0 ? (
          <p className="mt-2 text-zinc-600">No requests yet. New requests from customers appear here.</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Privacy requests by deadline</caption>
              <thead className="border-b border-zinc-200 text-zinc-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Reference</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Customer</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Days left</th>
                  <th scope="col" className="py-2 font-medium">Identity check</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((request) => {
                  const { daysLeft } = request;
                  return (
                    <tr key={request.id} className="border-b border-zinc-100">
                      <td className="py-2 pr-4 font-medium">{request.reference}</td>
                      <td className="py-2 pr-4">{request.user.email}</td>
                      <td className="py-2 pr-4">{request.status.toLowerCase().replaceAll("_", " ")}</td>
                      <td className={`py-2 pr-4 ${daysLeft < 0 ? "font-semibold text-red-700" : ""}`}>{daysLeft < 0 ? `Overdue by ${-daysLeft}` : daysLeft}</td>
                      <td className="py-2">
                        {request.status === "IDENTITY_REVIEW" ? <IdentityDecision requestId={request.id} reference={request.reference} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

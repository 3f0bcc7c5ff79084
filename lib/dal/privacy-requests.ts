import "server-only";
import { daysLeft } from "@/lib/compliance/days-left";
import { db } from "@/lib/db";
import { isStaff, type Viewer } from "./session";

/** A customer's own requests, newest first. */
export function listOwnPrivacyRequests(viewer: Viewer) {
  return db.privacyRequest.findMany({
    where: { userId: viewer.id },
    orderBy: { submittedAt: "desc" },
    select: { id: true, reference: true, type: true, status: true, submittedAt: true, dueAt: true, extendedDueAt: true },
  });
}

/** The staff queue: open requests first, the nearest legal deadline on top. */
export async function listPrivacyRequestQueue(viewer: Viewer) {
  if (!isStaff(viewer)) throw new Error("listPrivacyRequestQueue needs a staff viewer");
  const requests = await db.privacyRequest.findMany({
    orderBy: [{ dueAt: "asc" }],
    take: 200,
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      submittedAt: true,
      dueAt: true,
      extendedDueAt: true,
      user: { select: { email: true } },
    },
  });
  const now = new Date();
  return requests.map((request) => ({ ...request, daysLeft: daysLeft(request.extendedDueAt ?? request.dueAt, now) }));
}

import { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/compliance/days-left";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { renderReviewerDigestEmail, type DigestRequest } from "@/lib/email/templates/reviewer-digest-email";
import { env } from "@/lib/env";
import { portalUrl } from "@/lib/http/portal-url";
import { OPEN, STAFF_STATUS_LABEL, statusesIn } from "./lifecycle";

// The reviewers' daily digest of open requests that are overdue or fall due within 7 days.
// Exactly once per reviewer and day, however many workers or Inngest deploys fire the schedule:
// every copy sends with the same idempotency key (`reviewer-digest/<day>/<user>`), which the
// outbox table holds unique and Resend honours for 24 hours.

const LISTED = 50;

/** The UTC calendar day of `at`, e.g. "2026-11-23": the digest's key. */
export const digestDay = (at: Date) => at.toISOString().slice(0, 10);

export async function sendReviewerDigest(
  day: string,
  now: Date = new Date(),
): Promise<{ recipients: number; overdue: number; dueSoon: number }> {
  const due = Prisma.sql`COALESCE("extendedDueAt", "dueAt")`;
  const open = statusesIn(OPEN);
  const rows = await db.$queryRaw<
    { id: string; reference: string; status: keyof typeof STAFF_STATUS_LABEL; due: Date }[]
  >`
    SELECT "id", "reference", "status", ${due} AS "due" FROM "PrivacyRequest"
     WHERE "status" = ANY(${open}::"RequestStatus"[]) AND ${due} < ${addDays(now, 7)}
     ORDER BY ${due}, "id" LIMIT ${LISTED * 2 + 1}`;
  const [count] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS "total" FROM "PrivacyRequest"
     WHERE "status" = ANY(${open}::"RequestStatus"[]) AND ${due} < ${addDays(now, 7)}`;
  if (rows.length === 0) return { recipients: 0, overdue: 0, dueSoon: 0 };

  const present = (row: (typeof rows)[number]): DigestRequest => ({
    reference: row.reference,
    dueAt: row.due,
    status: STAFF_STATUS_LABEL[row.status],
    url: new URL(`/admin/requests/${row.id}`, portalUrl()).toString(),
  });
  const overdue = rows
    .filter((row) => row.due < now)
    .slice(0, LISTED)
    .map(present);
  const dueSoon = rows
    .filter((row) => row.due >= now)
    .slice(0, LISTED)
    .map(present);
  const content = await renderReviewerDigestEmail({
    companyName: env().COMPANY_NAME,
    day,
    overdue,
    dueSoon,
    more: Number(count?.total ?? 0) - overdue.length - dueSoon.length,
    queueUrl: new URL("/admin?due=soon", portalUrl()).toString(),
  });
  const reviewers = await db.user.findMany({
    where: { role: { in: ["REVIEWER", "ADMIN"] } },
    select: { id: true, email: true },
    orderBy: { id: "asc" },
  });
  for (const reviewer of reviewers) {
    await sendEmail({ to: reviewer.email, ...content, idempotencyKey: `reviewer-digest/${day}/${reviewer.id}` });
  }
  return { recipients: reviewers.length, overdue: overdue.length, dueSoon: dueSoon.length };
}

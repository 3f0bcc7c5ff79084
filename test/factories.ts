import { db } from "@/lib/db";
import type { ExportFormat, RequestStatus } from "@/lib/generated/prisma/enums";
import { nextRequestReference } from "@/lib/requests/reference";

/** A request as the identity check leaves it: approved and ready to export. */
export async function createApprovedRequest(
  email: string,
  options: { formats?: ExportFormat[]; sourceKeys?: string[]; status?: RequestStatus } = {},
) {
  const user = await db.user.upsert({ where: { email }, create: { email }, update: {} });
  return db.$transaction(async (tx) =>
    tx.privacyRequest.create({
      data: {
        reference: await nextRequestReference(tx),
        userId: user.id,
        type: "ACCESS",
        formats: options.formats ?? ["JSON", "CSV"],
        sourceKeys: options.sourceKeys ?? [],
        status: options.status ?? "APPROVED",
        dueAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      },
    }),
  );
}

/** A request waiting for a reviewer's identity decision, as the form leaves one that matched no record automatically. */
export async function createPendingRequest(email: string, options: { submittedAt?: Date; dueAt?: Date } = {}) {
  const request = await createApprovedRequest(email, { status: "IDENTITY_REVIEW" });
  await db.identityCheck.create({ data: { requestId: request.id, method: "EMAIL_REVIEW" } });
  if (options.submittedAt || options.dueAt) {
    return db.privacyRequest.update({ where: { id: request.id }, data: { submittedAt: options.submittedAt, dueAt: options.dueAt } });
  }
  return request;
}

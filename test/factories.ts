import { randomBytes } from "node:crypto";
import { db, type PrismaClient } from "@/lib/db";
import type { ExportFormat, RequestStatus, Role } from "@/lib/generated/prisma/enums";
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
    return db.privacyRequest.update({
      where: { id: request.id },
      data: { submittedAt: options.submittedAt, dueAt: options.dueAt },
    });
  }
  return request;
}

/**
 * A person signed in as a magic link leaves them: an account for `email` (created if new) and an
 * Auth.js database session; returns the Cookie header their browser sends. `client`: another
 * database's Prisma client (an e2e portal of its own); by default the test's.
 */
export async function signedIn(email: string, options: { role?: Role; locale?: string; client?: PrismaClient } = {}) {
  const client = options.client ?? db;
  const user = await client.user.upsert({
    where: { email },
    create: { email, emailVerified: new Date(), role: options.role, locale: options.locale },
    update: { role: options.role, locale: options.locale },
  });
  const sessionToken = randomBytes(32).toString("hex");
  await client.session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) },
  });
  return { user, cookie: `authjs.session-token=${sessionToken}` };
}

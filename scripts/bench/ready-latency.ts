// Approval → "your data is ready" email for a typical subject (alex@example.com, ~10 000 records
// over every demo source), on the embedded worker, one request after another. Prints one JSON
// line: each request's latency and where it went (collect, package, email).
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { startWorker } from "@/lib/jobs/worker";
import { approveIdentityCheck } from "@/lib/requests/decide-identity";
import { nextRequestReference } from "@/lib/requests/reference";
import { closeSourceDatabase } from "@/lib/sources/source-database";

const count = Number(process.argv[2] ?? 10);
const worker = startWorker({
  db,
  databaseUrl: env().DATABASE_URL!,
  client: inngest,
  functions,
  leaseMs: 30_000,
  log: () => undefined,
});
const reviewer = await db.user.upsert({
  where: { email: "bench-reviewer@example.com" },
  create: { email: "bench-reviewer@example.com", role: "REVIEWER" },
  update: {},
});
const customer = await db.user.upsert({
  where: { email: "alex@example.com" },
  create: { email: "alex@example.com" },
  update: {},
});
type Sample = { ms: number; collectMs: number; packageMs: number; emailMs: number; records: number };
const samples: Sample[] = [];

for (let index = 0; index < count; index += 1) {
  const request = await db.$transaction(async (tx) =>
    tx.privacyRequest.create({
      data: {
        reference: await nextRequestReference(tx),
        userId: customer.id,
        type: "ACCESS",
        formats: ["JSON", "CSV"],
        sourceKeys: [],
        status: RequestStatus.IDENTITY_REVIEW,
        dueAt: new Date(Date.now() + 30 * 864e5),
        identityCheck: { create: { method: "EMAIL_REVIEW" } },
      },
    }),
  );
  const approvedAt = Date.now();
  await approveIdentityCheck({ actor: reviewer, requestId: request.id });
  let email = null;
  while (!email) {
    email = await db.outboxEmail.findFirst({
      where: {
        to: customer.email!,
        subject: { startsWith: "Your data is ready" },
        createdAt: { gte: new Date(approvedAt) },
      },
      select: { createdAt: true },
    });
    if (!email) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const done = await db.privacyRequest.findUniqueOrThrow({
    where: { id: request.id },
    include: { sources: true, archives: true },
  });
  const collected = Math.max(...done.sources.map((source) => source.finishedAt?.getTime() ?? approvedAt));
  const archived = done.archives[0]!.createdAt.getTime();
  samples.push({
    ms: email.createdAt.getTime() - approvedAt,
    collectMs: collected - approvedAt,
    packageMs: archived - collected,
    emailMs: email.createdAt.getTime() - archived,
    records: done.sources.reduce((sum, source) => sum + source.recordCount, 0),
  });
}

await worker.stop();
console.log(JSON.stringify({ samples }));
await db.$disconnect();
await closeSourceDatabase();

import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IdentityCheckStatus, IdentityMethod, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { addDays, daysLeft } from "@/lib/compliance/days-left";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isOpen, OPEN, statusesIn } from "@/lib/requests/lifecycle";
import { QUEUE_PAGE_SIZE, type QueueFilter } from "@/lib/schemas/staff-requests";
import { isStaff, type Viewer } from "./session";

// The review console's queue: requests by the deadline that applies (the extended one when there
// is one), paged by keyset on (due, id) so page 2 000 of 100 000 requests costs what page 1 does.
// The indexes are in prisma/migrations/20261123030000_staff_queue.

export type QueueRow = {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  submittedAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
  email: string;
  identityStatus: IdentityCheckStatus | null;
  identityMethod: IdentityMethod | null;
  /** Made for someone else: the data subject's email, whether they objected, how many people its agent asked for. */
  subjectEmail: string | null;
  objectedAt: Date | null;
  agentSubjects: number;
  due: Date;
  daysLeft: number;
  overdue: boolean;
  dueSoon: boolean;
};

const SOON_DAYS = 7;
const DUE = Prisma.sql`COALESCE(r."extendedDueAt", r."dueAt")`;

function conditions(filter: QueueFilter, now: Date): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const open = statusesIn(OPEN);
  // Compared as the enum types, not as text, so the (status, due, id) index applies.
  const inOpen = Prisma.sql`r."status" = ANY(${open}::"RequestStatus"[])`;
  if (filter.status === "open") where.push(inOpen);
  else if (filter.status !== "all") where.push(Prisma.sql`r."status" = ${filter.status}::"RequestStatus"`);
  if (filter.type !== "any") where.push(Prisma.sql`r."type" = ${filter.type}::"RequestType"`);
  // Overdue and due-soon only mean something while the request is open.
  if (filter.due === "overdue") where.push(Prisma.sql`${inOpen} AND ${DUE} < ${now}`);
  if (filter.due === "soon")
    where.push(Prisma.sql`${inOpen} AND ${DUE} >= ${now} AND ${DUE} < ${addDays(now, SOON_DAYS)}`);
  if (filter.q) {
    // A reference or an email, matched exactly on their unique indexes (no table scan).
    const q = filter.q;
    where.push(Prisma.sql`(r."reference" = ${q.toUpperCase()}
      OR r."userId" = (SELECT u."id" FROM "User" u WHERE u."email" = ${q.toLowerCase()})
      OR r."id" IN (SELECT sm."requestId" FROM "RequestMandate" sm WHERE sm."subjectEmail" = ${q.toLowerCase()}))`);
  }
  if (filter.after) {
    const [millis, id] = filter.after.split("_") as [string, string];
    where.push(Prisma.sql`(${DUE}, r."id") > (${new Date(Number(millis))}, ${id})`);
  }
  return where;
}

/** The queue's query for one page (and one row more, to know whether another page follows). */
export function queueQuery(filter: QueueFilter, now: Date): Prisma.Sql {
  const where = conditions(filter, now);
  return Prisma.sql`
    SELECT r."id", r."reference", r."type", r."status", r."submittedAt", r."dueAt", r."extendedDueAt", ${DUE} AS "due",
           u."email", ic."status" AS "identityStatus", ic."method" AS "identityMethod",
           m."subjectEmail", m."objectedAt",
           -- One agent, many subjects: counted on the agent's index, only for rows made by an agent.
           CASE WHEN m."id" IS NULL THEN 0
                ELSE (SELECT count(DISTINCT am."subjectEmail") FROM "RequestMandate" am
                       WHERE am."agentUserId" = r."userId") END::int AS "agentSubjects"
      FROM "PrivacyRequest" r
      JOIN "User" u ON u."id" = r."userId"
      LEFT JOIN "IdentityCheck" ic ON ic."requestId" = r."id"
      LEFT JOIN "RequestMandate" m ON m."requestId" = r."id"
     WHERE ${where.length > 0 ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`}
     ORDER BY ${DUE}, r."id"
     LIMIT ${QUEUE_PAGE_SIZE + 1}`;
}

/** One page of the queue, and the cursor of the next page (null on the last). */
export async function listQueuePage(
  viewer: Viewer,
  filter: QueueFilter,
  now: Date = new Date(),
): Promise<{ rows: QueueRow[]; next: string | null; agentSubjectsThreshold: number }> {
  if (!isStaff(viewer)) throw new Error("listQueuePage needs a staff viewer");
  const rows = await db.$queryRaw<Omit<QueueRow, "daysLeft" | "overdue" | "dueSoon">[]>(queueQuery(filter, now));
  const page = rows.slice(0, QUEUE_PAGE_SIZE).map((row) => {
    const left = daysLeft(row.due, now);
    const open = isOpen(row.status);
    return {
      ...row,
      daysLeft: left,
      overdue: open && row.due < now,
      dueSoon: open && row.due >= now && left <= SOON_DAYS,
    };
  });
  const last = page.at(-1);
  const next = rows.length > QUEUE_PAGE_SIZE && last ? `${last.due.getTime()}_${last.id}` : null;
  return { rows: page, next, agentSubjectsThreshold: env().AGENT_SUBJECTS_FLAG_THRESHOLD };
}

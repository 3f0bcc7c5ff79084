import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import { canMoveSource, sourceStatusesLeadingTo } from "./source-lifecycle";

// Every write of a source's status, guarded like a request's (transition.ts): the write lands only
// while the source is in one of the statuses the lifecycle allows the move from, so a replayed or
// late step is a no-op instead of a move the lifecycle forbids.

/** The statuses a move to `to` is accepted from: `from` narrowed by the caller, else every one the lifecycle allows. */
export function sourceMoveFrom(to: SourceStatus, from?: Iterable<SourceStatus>): SourceStatus[] {
  const statuses = from ? [...from] : sourceStatusesLeadingTo(to);
  const illegal = statuses.filter((status) => !canMoveSource(status, to));
  if (illegal.length > 0) throw new Error(`The source lifecycle has no move from ${illegal.join(", ")} to ${to}.`);
  return statuses;
}

/**
 * Moves one source of one request to `to`, with `data` written in the same statement. Returns
 * false, writing nothing, when the source is missing or not in a status the move is allowed from.
 */
export async function transitionSource(
  tx: Pick<Tx, "requestSource">,
  input: {
    requestId: string;
    sourceKey: string;
    to: SourceStatus;
    from?: Iterable<SourceStatus>;
    data?: Omit<Prisma.RequestSourceUpdateManyMutationInput, "status">;
  },
): Promise<boolean> {
  const from = sourceMoveFrom(input.to, input.from);
  const { count } = await tx.requestSource.updateMany({
    where: { requestId: input.requestId, sourceKey: input.sourceKey, status: { in: from } },
    data: { ...input.data, status: input.to },
  });
  return count > 0;
}

/**
 * The same guarded move as pieces of one SQL statement, for the fast paths that write a source in
 * a single round trip (collect-source.ts): `UPDATE … SET ${move.set}, … WHERE … AND ${move.guard}`.
 * `table` qualifies the guard's column when the statement names the source table by an alias.
 */
export function sourceMoveSql(
  to: SourceStatus,
  options: { from?: Iterable<SourceStatus>; table?: "s" } = {},
): { set: Prisma.Sql; guard: Prisma.Sql } {
  const from = sourceMoveFrom(to, options.from);
  const column = Prisma.raw(options.table ? `${options.table}.status` : "status");
  return {
    set: Prisma.sql`status = ${to}::"SourceStatus"`,
    guard: Prisma.sql`${column}::text IN (${Prisma.join(from)})`,
  };
}

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import { listSources } from "@/lib/sources/registry";
import { createApprovedRequest } from "@/test/factories";
import { collectSource } from "./collect-source";
import { failSource, reopenSource } from "./fail-source";
import { transitionSource } from "./source-transition";

// A move the source lifecycle refuses (source-lifecycle.ts) writes nothing: not the source row,
// not the request, not an audit event. These are the replays and late steps the guard is for.

const sourceKey = listSources()[0]!.key;

async function requestWithSource(email: string, status: SourceStatus) {
  const request = await createApprovedRequest(email, { status: status === "FAILED" ? "FAILED" : "COLLECTING" });
  await db.requestSource.create({
    data: { requestId: request.id, sourceKey, status, attempts: 2, recordCount: 7, error: "before" },
  });
  return request;
}

/** Everything a source move could write, to compare before and after. */
async function snapshot(requestId: string) {
  const [source, request, events] = await Promise.all([
    db.requestSource.findUniqueOrThrow({ where: { requestId_sourceKey: { requestId, sourceKey } } }),
    db.privacyRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, failureReason: true } }),
    db.auditEvent.count({ where: { requestId } }),
  ]);
  return { source, request, events };
}

describe("a refused source move", () => {
  it("does not collect a failed source that staff have not reopened", async () => {
    const request = await requestWithSource("refused-collect@example.com", "FAILED");
    const before = await snapshot(request.id);
    await expect(collectSource(request.id, sourceKey)).rejects.toThrow(`has no source "${sourceKey}" to collect`);
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("does not fail a source that was collected, nor the request behind it", async () => {
    const request = await requestWithSource("refused-fail@example.com", "DONE");
    const before = await snapshot(request.id);
    await failSource(request.id, sourceKey, new Error("a late failure"));
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("records a failure once when the mark-failed step is replayed", async () => {
    const request = await requestWithSource("replayed-fail@example.com", "COLLECTING");
    await failSource(request.id, sourceKey, new Error("the service is down"));
    const failed = await snapshot(request.id);
    expect(failed.source.status).toBe("FAILED");
    expect(failed.request.status).toBe("FAILED");
    await failSource(request.id, sourceKey, new Error("the service is down"));
    expect(await snapshot(request.id)).toEqual(failed);
  });

  it("does not reopen a source that is not failed", async () => {
    const request = await requestWithSource("refused-reopen@example.com", "COLLECTING");
    const before = await snapshot(request.id);
    expect(await reopenSource(request.id, sourceKey)).toBe(false);
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("does not reopen a failed source whose request was cancelled since the retry was asked for", async () => {
    const request = await requestWithSource("cancelled-reopen@example.com", "FAILED");
    await db.privacyRequest.update({ where: { id: request.id }, data: { status: "CANCELLED" } });
    const before = await snapshot(request.id);
    expect(await reopenSource(request.id, sourceKey)).toBe(false);
    expect(await snapshot(request.id)).toEqual(before);
  });

  it("is told apart from an allowed one by its result", async () => {
    const request = await requestWithSource("allowed-move@example.com", "FAILED");
    const move = { requestId: request.id, sourceKey, to: "PENDING" as const, data: { attempts: 0 } };
    expect(await transitionSource(db, move)).toBe(true);
    expect(await transitionSource(db, move)).toBe(false);
    expect((await snapshot(request.id)).source).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});

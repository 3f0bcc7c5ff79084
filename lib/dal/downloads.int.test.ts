import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { db } from "@/lib/db";
import { createApprovedRequest } from "@/test/factories";
import { recordDownload } from "./downloads";

let archiveId: string;
let requestId: string;
let viewer: { id: string; email: string; name: null; role: "CUSTOMER" };

beforeAll(async () => {
  const request = await createApprovedRequest("sam@example.com", { status: "READY" });
  requestId = request.id;
  viewer = { id: request.userId, email: "sam@example.com", name: null, role: "CUSTOMER" };
  const archive = await db.exportArchive.create({
    data: { requestId, storageKey: `exports/${requestId}/x.zip`, sizeBytes: 10n, sha256: "0".repeat(64), expiresAt: new Date(Date.now() + 864e5) },
  });
  archiveId = archive.id;
});

describe("recording a download", () => {
  it("counts every download and audits who took it, from where", async () => {
    await recordDownload(viewer, requestId, archiveId, { ip: "203.0.113.9", userAgent: "Firefox" });
    await recordDownload(viewer, requestId, archiveId, { ip: "203.0.113.10", userAgent: "curl" });
    const archive = await db.exportArchive.findUniqueOrThrow({ where: { id: archiveId } });
    expect(archive.downloadCount).toBe(2);
    expect(archive.lastDownloadedAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { requestId, action: "archive.downloaded" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorId, e.ip, e.userAgent])).toEqual([
      [viewer.id, "203.0.113.9", "Firefox"],
      [viewer.id, "203.0.113.10", "curl"],
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

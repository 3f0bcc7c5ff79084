import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { createDownloadToken } from "@/lib/auth/download-token";
import { db } from "@/lib/db";
import { createApprovedRequest } from "@/test/factories";
import { authorizeDownload, recordDownload } from "./downloads";

const secret = process.env.AUTH_SECRET!;
const MINUTE = 60_000;
let archive: { id: string; expiresAt: Date };
let requestId: string;
let owner: { id: string; email: string; name: null; role: "CUSTOMER" };
let stranger: typeof owner;

beforeAll(async () => {
  const request = await createApprovedRequest("sam@example.com", { status: "READY" });
  requestId = request.id;
  owner = { id: request.userId, email: "sam@example.com", name: null, role: "CUSTOMER" };
  const other = await db.user.create({ data: { email: "stranger@example.com" } });
  stranger = { id: other.id, email: other.email, name: null, role: "CUSTOMER" };
  archive = await db.exportArchive.create({
    data: {
      requestId,
      storageKey: `exports/${requestId}/x.zip`,
      sizeBytes: 10n,
      sha256: "0".repeat(64),
      expiresAt: new Date(Date.now() + 7 * 864e5),
    },
  });
});

const token = (overrides: Partial<{ requestId: string; archiveId: string; expiresAt: Date }> = {}) =>
  createDownloadToken(
    { requestId, archiveId: archive.id, expiresAt: new Date(Date.now() + 10 * MINUTE), ...overrides },
    secret,
  );
const freshSession = () => new Date(Date.now() - 2 * MINUTE);

describe("who may download an archive", () => {
  it("the owner, with a valid link and a recent sign-in", async () => {
    expect(await authorizeDownload(owner, requestId, token(), freshSession())).toMatchObject({
      kind: "ok",
      archive: { id: archive.id },
    });
  });

  it("not another customer, even with the owner's valid link: the request does not exist for them", async () => {
    expect(await authorizeDownload(stranger, requestId, token(), freshSession())).toEqual({ kind: "not-found" });
  });

  it("not with a tampered, foreign or expired link", async () => {
    const [payload, signature] = token().split(".");
    expect(await authorizeDownload(owner, requestId, `${payload}.${signature!.slice(1)}x`, freshSession())).toEqual({
      kind: "invalid-link",
    });
    expect(await authorizeDownload(owner, requestId, token({ archiveId: "another-archive" }), freshSession())).toEqual({
      kind: "invalid-link",
    });
    expect(
      await authorizeDownload(owner, requestId, token({ expiresAt: new Date(Date.now() - 1000) }), freshSession()),
    ).toEqual({ kind: "expired" });
    expect(await authorizeDownload(owner, requestId, "", freshSession())).toEqual({ kind: "invalid-link" });
  });

  it("asks for a fresh sign-in when the session is older than the re-authentication window", async () => {
    expect(await authorizeDownload(owner, requestId, token(), new Date(Date.now() - 16 * MINUTE))).toEqual({
      kind: "step-up",
    });
    expect(await authorizeDownload(owner, requestId, token(), null)).toEqual({ kind: "step-up" });
  });

  it("not once the archive was deleted", async () => {
    const later = new Date(archive.expiresAt.getTime() + 1000);
    const longToken = token({ expiresAt: new Date(later.getTime() + MINUTE) });
    expect(await authorizeDownload(owner, requestId, longToken, new Date(later.getTime() - MINUTE), later)).toEqual({
      kind: "expired",
    });
  });
});

describe("recording a download", () => {
  it("counts every download and audits who took it, from where", async () => {
    await recordDownload(owner, requestId, archive.id, { ip: "203.0.113.9", userAgent: "Firefox" });
    await recordDownload(owner, requestId, archive.id, { ip: "203.0.113.10", userAgent: "curl" });
    const stored = await db.exportArchive.findUniqueOrThrow({ where: { id: archive.id } });
    expect(stored.downloadCount).toBe(2);
    expect(stored.lastDownloadedAt).not.toBeNull();
    const events = await db.auditEvent.findMany({
      where: { requestId, action: "archive.downloaded" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.actorId, e.ip, e.userAgent])).toEqual([
      [owner.id, "203.0.113.9", "Firefox"],
      [owner.id, "203.0.113.10", "curl"],
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

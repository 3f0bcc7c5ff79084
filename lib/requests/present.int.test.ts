import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApprovedRequest } from "@/test/factories";
import { presentPrivacyRequest } from "./present";

// How the status page and the exports API show a request to its owner.

const load = (id: string) =>
  db.privacyRequest.findUniqueOrThrow({ where: { id }, include: { sources: true, archives: true } });

describe("presentPrivacyRequest", () => {
  it("lists sources in the registry's order with their progress, days left to the legal deadline, and no archive yet", async () => {
    const request = await createApprovedRequest("present@example.com", { sourceKeys: ["orders", "profile"] });
    await db.requestSource.createMany({
      data: [
        { requestId: request.id, sourceKey: "orders", status: "COLLECTING" },
        { requestId: request.id, sourceKey: "profile", status: "DONE", recordCount: 1 },
        { requestId: request.id, sourceKey: "retired-source", status: "DONE", recordCount: 0 },
      ],
    });
    const presented = presentPrivacyRequest(
      await load(request.id),
      new Date(request.dueAt.getTime() - 3 * 24 * 3600 * 1000),
    );
    expect(presented).toMatchObject({
      id: request.id,
      status: "APPROVED",
      daysLeft: 3,
      terminal: false,
      archive: null,
      completedAt: null,
    });
    // A source no longer registered goes last and keeps its key as its title.
    expect(presented.sources.map((s) => [s.key, s.progress])).toEqual([
      ["profile", 100],
      ["orders", 0],
      ["retired-source", 100],
    ]);
    expect(presented.sources.at(-1)!.title).toBe("retired-source");
  });

  it("shows the archive, and shows it gone once it has expired", async () => {
    const request = await createApprovedRequest("present-ready@example.com", { status: "READY" });
    const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
    await db.exportArchive.create({
      data: {
        requestId: request.id,
        storageKey: `archives/${request.id}/a.zip`,
        sizeBytes: 1234,
        sha256: "ab".repeat(32),
        expiresAt,
      },
    });
    const shown = presentPrivacyRequest(await load(request.id));
    expect(shown).toMatchObject({ terminal: true, archive: { sizeBytes: 1234, deleted: false, downloadCount: 0 } });
    expect(presentPrivacyRequest(await load(request.id), new Date(expiresAt.getTime() + 1)).archive).toMatchObject({
      deleted: true,
    });
  });
});

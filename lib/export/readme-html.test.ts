import { describe, expect, it } from "vitest";
import type { ArchiveInput } from "./archive-input";
import { renderReadmeHtml } from "./readme-html";
import { stageFixture } from "./testing/archive-fixture";
import { MemoryBlobStore } from "./testing/memory-blob-store";

async function fixture(locale?: string): Promise<ArchiveInput> {
  const base = await stageFixture(new MemoryBlobStore(), 100);
  return { ...base, locale, request: { ...base.request, range: { from: new Date("2026-01-01T00:00:00Z") } } };
}

describe("README.html in the customer's language", () => {
  it("is German, with the Art. 15 information and the rights, for a request made in German", async () => {
    const html = await renderReadmeHtml(await fixture("de"), [
      { path: "data/orders.json", bytes: 2_500_000, sha256: "x", records: 100 },
    ] as never);
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html).toContain('<h2 id="rights-title">Ihre Rechte</h2>');
    for (const text of [
      "<strong>Berichtigung</strong> (Artikel 16)",
      "Artikel 77",
      "Wie wir diese Daten verwenden",
      "Rechtsgrundlage",
      "100 Einträge gefunden.",
      'ab <time dateTime="2026-01-01T00:00:00.000Z">1. Januar 2026</time>',
      "2,4 MB",
      "<caption>Felder in Bestellungen</caption>",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain("Your rights");
  });

  it("is in the company default when the request has no language", async () => {
    const html = await renderReadmeHtml(await fixture(undefined), []);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain("Under the General Data Protection Regulation (GDPR) you have the right to:");
  });

  it("lists each source's transfers outside the EEA with their safeguard, and says so when there are none", async () => {
    const base = await fixture("de");
    const transfers = [
      { recipient: "Stripe, Inc.", country: "USA", safeguard: "ADEQUACY_DECISION" as const, note: "EU-US DPF." },
    ];
    const sources = base.sources.map((entry, index) =>
      index === 0 ? { ...entry, source: { ...entry.source, transfers } } : entry,
    );
    const html = await renderReadmeHtml({ ...base, sources }, []);
    expect(html).toContain("<dt>Übermittlungen außerhalb des Europäischen Wirtschaftsraums</dt>");
    expect(html).toContain(
      "<li>Stripe, Inc., USA. Garantie: ein Angemessenheitsbeschluss der Europäischen Kommission (Artikel 45 DSGVO). EU-US DPF.</li>",
    );
    expect(html.split("Keine: Diese Daten werden nicht außerhalb").length - 1).toBe(base.sources.length - 1);
  });

  it("says who asked and on what mandate when someone else asked for the subject (escaped, in the request's language)", async () => {
    const agent = {
      email: "a<b>@lawfirm.example",
      relationship: "LAWYER" as const,
      mandateReceivedAt: new Date("2026-12-02T10:00:00Z"),
      mandateSha256: "ab".repeat(32),
    };
    const en = await renderReadmeHtml({ ...(await fixture("en")), agent }, []);
    expect(en).toContain("<dt>Asked for by</dt><dd>a&lt;b&gt;@lawfirm.example, as your lawyer</dd>");
    expect(en).toContain(`SHA-256 <code>${"ab".repeat(32)}</code>`);
    const de = await renderReadmeHtml({ ...(await fixture("de")), agent }, []);
    expect(de).toContain(
      "<dt>Angefordert von</dt><dd>a&lt;b&gt;@lawfirm.example, für Sie als Rechtsanwalt oder Rechtsanwältin</dd>",
    );
    expect(await renderReadmeHtml(await fixture("en"), [])).not.toContain("Asked for by");
  });
});

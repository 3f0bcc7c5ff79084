import { describe, expect, it } from "vitest";
import type { ArchiveInput } from "./archive-input";
import { buildManifest } from "./manifest";
import { renderReadmeHtml } from "./readme-html";
import { stageFixture } from "./testing/archive-fixture";
import { MemoryBlobStore } from "./testing/memory-blob-store";

// Art. 15(4) GDPR: README.html says, per source, how many passages of other people's data were
// replaced by the marker the data files carry, and why; nothing when none were.

async function withRedactions(locale: string, redactions?: number): Promise<ArchiveInput> {
  const base = await stageFixture(new MemoryBlobStore(), 10);
  return { ...base, locale, sources: base.sources.map((entry) => ({ ...entry, redactions })) };
}

describe("README.html on redacted passages", () => {
  it("counts them and gives the reason, in English and German", async () => {
    expect(await renderReadmeHtml(await withRedactions("en", 2), [])).toContain(
      "2 passages were replaced by “[redacted: personal data of another person]”: they were personal data of other people",
    );
    expect(await renderReadmeHtml(await withRedactions("en", 1), [])).toContain("1 passage was replaced by");
    const german = await renderReadmeHtml(await withRedactions("de", 2), []);
    expect(german).toContain(
      "2 Stellen wurden durch „[geschwärzt: personenbezogene Daten einer anderen Person]“ ersetzt",
    );
    expect(german).toContain("Artikel 15 Absatz 4 DSGVO");
  });

  it("names them in the summary table too, in English and German", async () => {
    const summary = (html: string) => html.slice(html.indexOf('id="summary"'), html.indexOf("</table>"));
    expect(summary(await renderReadmeHtml(await withRedactions("en", 2), []))).toContain(
      "2 passages about other people replaced (Article 15(4) GDPR).",
    );
    expect(summary(await renderReadmeHtml(await withRedactions("de", 1), []))).toContain(
      "1 Stelle mit Daten anderer Personen ersetzt (Artikel 15 Absatz 4 DSGVO).",
    );
    expect(summary(await renderReadmeHtml(await withRedactions("en", 0), []))).not.toContain("replaced");
  });

  it("says nothing about redaction when nothing was redacted", async () => {
    for (const redactions of [undefined, 0])
      expect(await renderReadmeHtml(await withRedactions("en", redactions), [])).not.toContain("Article 15(4)");
  });

  it("are counted per source in manifest.json, 0 where none were", async () => {
    const redacted = buildManifest(await withRedactions("en", 3), []);
    expect(redacted.sources.map((source) => source.redactions)).toEqual(redacted.sources.map(() => 3));
    const untouched = buildManifest(await withRedactions("en", undefined), []);
    expect(untouched.sources.every((source) => source.redactions === 0)).toBe(true);
  });
});

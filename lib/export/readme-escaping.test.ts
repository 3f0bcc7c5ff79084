import { describe, expect, it } from "vitest";
import type { ArchiveInput } from "./archive-input";
import type { ManifestFile } from "./manifest";
import { renderReadmeHtml } from "./readme-html";
import { stageFixture } from "./testing/archive-fixture";
import { MemoryBlobStore } from "./testing/memory-blob-store";

// README.html shows the customer's own data and every source's declaration. Whoever wrote a value
// (a customer naming themselves "<script>", a source author, an upstream error), it must arrive as
// text. This test poisons every string the README can show, not a chosen few, so a field added
// later is covered too; rendered by string concatenation without escaping, it fails.

const payload = (path: string) => `<script>${path}</script>"onload=${path}`;
const escaped = (path: string) => `&lt;script&gt;${path}&lt;/script&gt;&quot;onload=${path}`;

/** Values the archive validates or maps before they reach the page (keys are file names; enums are looked up). */
const NOT_FREE_TEXT = new Set([
  "key",
  "type",
  "formats",
  "status",
  "stagingKey",
  "files",
  "locale",
  "safeguard",
  "counting",
]);

/** Every free-text string in `value`, and every field name, replaced by a payload naming its path. */
function poison(value: unknown, path: string, paths: string[]): unknown {
  if (typeof value === "string") {
    paths.push(path);
    return payload(path);
  }
  if (Array.isArray(value)) return value.map((item, index) => poison(item, `${path}.${index}`, paths));
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const isDictionary = path.endsWith(".fields");
  const entries = Object.entries(value).map(([name, inner]) => {
    if (NOT_FREE_TEXT.has(name) && !isDictionary) return [name, inner];
    const own = `${path}.${name}`;
    return [isDictionary ? poison(name, `${own}#name`, paths) : name, poison(inner, own, paths)];
  });
  return Object.fromEntries(entries);
}

async function poisonedInput() {
  const base = await stageFixture(new MemoryBlobStore(), 10);
  const paths: string[] = [];
  // Keys no message file translates, so every source shows its own declared title and description.
  // Each source transfers data outside the EEA, so that its recipient, country and note are shown too.
  const transfers = [{ recipient: "r", country: "c", safeguard: "SCCS" as const, note: "n" }];
  const sources = base.sources.map((entry, index) => ({
    ...entry,
    source: { ...entry.source, key: `poisoned_${index}`, transfers },
  }));
  const input = poison({ ...base, sources }, "input", paths) as ArchiveInput;
  // A data file of the first source, so that its section lists it.
  const files: ManifestFile[] = [
    { path: `data/poisoned_0.${payload("file.path")}`, bytes: 10, sha256: "x", records: 1 },
  ];
  return { input, files, paths: [...paths, "file.path"] };
}

describe("README.html escapes every value it shows", () => {
  it("shows a <script> or an attribute break-out in any exported field as text, never as markup", async () => {
    const { input, files, paths } = await poisonedInput();
    const html = await renderReadmeHtml(input, files);

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('"onload=');
    // Each poisoned value did reach the page, escaped: the checks above are not vacuous.
    // Ids and the authority URL (no web URL once poisoned, so not linked) are not shown.
    const hidden = ["input.request.id", "input.subject.id", "input.controller.supervisoryAuthority.url"];
    const shown = paths.filter((path) => !hidden.includes(path));
    expect(shown.length).toBeGreaterThan(25);
    for (const path of shown) expect(html.includes(escaped(path)), `${path} is shown, escaped`).toBe(true);
  });

  it("poisons the fields a customer, a source author and an upstream service write", async () => {
    const { paths } = await poisonedInput();
    for (const field of [
      "subject.name",
      "subject.email",
      "controller.name",
      "controller.address",
      "request.reference",
    ]) {
      expect(paths).toContain(`input.${field}`);
    }
    for (const field of ["title", "description", "legalBasis", "retention", "origin", "purposes.0", "categories.0"]) {
      expect(paths).toContain(`input.sources.0.source.${field}`);
    }
    expect(paths).toContain("input.sources.0.source.recipients.0");
    for (const field of ["recipient", "country", "note"])
      expect(paths).toContain(`input.sources.0.source.transfers.0.${field}`);
    expect(paths).toContain("input.sources.2.error");
    expect(paths).toContain("input.sources.0.source.fields.id#name");
  });
});

import type { ArchiveInput, ArchiveSource } from "./archive-input";
import { escapeHtml, webUrl } from "./html-escape";
import type { ManifestFile } from "./manifest";
import { formatBytes, formatCount } from "./readme-format";

// One section of README.html per source: what the data is, how much of it there is, where to
// find it in the archive, and the information Art. 15(1) GDPR entitles the data subject to
// about it. Every value is escaped: titles, descriptions and field notes are text, not markup.

export function sourceAnchor(key: string): string {
  return `source-${key}`;
}

export function sourceStatusText(entry: ArchiveSource): string {
  if (entry.status === "FAILED") return "We could not collect this data.";
  if (entry.recordCount === 0) return "No records were found.";
  return `${formatCount(entry.recordCount, "record")} found.`;
}

function list(items: readonly string[], empty: string): string {
  if (items.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

function statusHtml(entry: ArchiveSource, input: ArchiveInput): string {
  if (entry.status !== "FAILED") return `<p class="status">${escapeHtml(sourceStatusText(entry))}</p>`;
  const reason = entry.error ?? "An internal error stopped the collection.";
  return (
    `<p class="status failed"><strong>${escapeHtml(sourceStatusText(entry))}</strong> ${escapeHtml(reason)} ` +
    `This archive does not contain this source. Please contact us at ` +
    `<a href="mailto:${escapeHtml(input.controller.contactEmail)}">${escapeHtml(input.controller.contactEmail)}</a> ` +
    `quoting reference <strong>${escapeHtml(input.request.reference)}</strong>.</p>`
  );
}

function filesHtml(paths: ManifestFile[]): string {
  if (paths.length === 0) return "";
  const links = paths.map(
    (file) =>
      `<li><a href="${escapeHtml(file.path)}"><code>${escapeHtml(file.path)}</code></a> ` +
      `<span class="muted">(${escapeHtml(formatBytes(file.bytes))})</span></li>`,
  );
  return `<h3>Files</h3><ul>${links.join("")}</ul>`;
}

/** Art. 15(1)(a)-(h) for this source; (e), (f) and (h) are the same for every source. */
function art15Html(entry: ArchiveSource, input: ArchiveInput): string {
  const { source } = entry;
  const controller = input.controller.name;
  const authority = input.controller.supervisoryAuthority;
  const authorityUrl = webUrl(authority.url);
  const authorityHtml = authorityUrl
    ? `<a href="${escapeHtml(authorityUrl)}">${escapeHtml(authority.name)}</a>`
    : escapeHtml(authority.name);
  return `<h3>How we use this data</h3>
<dl class="art15">
<dt>Why we process it</dt><dd>${list(source.purposes, "No purpose was declared.")}</dd>
<dt>Legal basis</dt><dd><p>${escapeHtml(source.legalBasis)}</p></dd>
<dt>Categories of personal data</dt><dd>${list(source.categories, "Not specified.")}</dd>
<dt>Who receives it</dt><dd>${list(source.recipients, `Nobody outside ${controller}.`)}</dd>
<dt>How long we keep it</dt><dd><p>${escapeHtml(source.retention)}</p></dd>
<dt>Where it comes from</dt><dd><p>${escapeHtml(source.origin)}</p></dd>
<dt>Your rights over it</dt><dd><p>You can ask us to correct, erase or restrict this data, or object to how we use it
(<a href="#rights">see your rights</a>). You can also complain to the supervisory authority, ${authorityHtml}.</p></dd>
<dt>Automated decisions</dt><dd><p>We do not use this data to make decisions about you based solely on automated
processing, including profiling.</p></dd>
</dl>`;
}

function fieldsTableHtml(entry: ArchiveSource): string {
  const { source } = entry;
  const rows = Object.entries(source.fields).map(
    ([field, meaning]) => `<tr><th scope="row"><code>${escapeHtml(field)}</code></th><td>${escapeHtml(meaning)}</td></tr>`,
  );
  return `<table>
<caption>Fields in ${escapeHtml(source.title)}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">What it means</th></tr></thead>
<tbody>${rows.join("\n")}</tbody>
</table>`;
}

export function renderSourceSection(entry: ArchiveSource, input: ArchiveInput, files: ManifestFile[]): string {
  const { source } = entry;
  const anchor = sourceAnchor(source.key);
  const ownFiles = files.filter((file) => file.path.startsWith(`data/${source.key}.`));
  return `<section id="${escapeHtml(anchor)}" aria-labelledby="${escapeHtml(anchor)}-title">
<h2 id="${escapeHtml(anchor)}-title">${escapeHtml(source.title)}</h2>
<p>${escapeHtml(source.description)}</p>
${statusHtml(entry, input)}
${filesHtml(ownFiles)}
${art15Html(entry, input)}
<h3>What each field means</h3>
${fieldsTableHtml(entry)}
</section>`;
}

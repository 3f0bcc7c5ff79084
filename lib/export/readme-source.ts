import { isSourceFailed } from "@/lib/requests/source-lifecycle";
import type { ArchiveInput, ArchiveSource } from "./archive-input";
import { escapeHtml, webUrl } from "./html-escape";
import type { ManifestFile } from "./manifest";
import type { ReadmeText } from "./readme-format";

// One section of README.html per source: what the data is, how much of it there is, where to
// find it in the archive, and the information Art. 15(1) GDPR entitles the data subject to
// about it. Every value is escaped: titles, descriptions and field notes are text, not markup.

export function sourceAnchor(key: string): string {
  return `source-${key}`;
}

/** Escaped HTML. */
export function sourceStatusText(entry: ArchiveSource, r: ReadmeText): string {
  if (isSourceFailed(entry.status)) return r.text("statusFailed");
  if (entry.recordCount === 0) return r.text("statusNone");
  return r.text("statusFound", { records: r.count("records", entry.recordCount) });
}

function list(items: readonly string[], empty: string): string {
  if (items.length === 0) return `<p>${empty}</p>`;
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

/** Art. 15(4) GDPR: how many passages were redacted, and why. */
function redactionsHtml(entry: ArchiveSource, r: ReadmeText): string {
  if (!entry.redactions) return "";
  return `<p class="redacted">${r.text("redacted", { count: entry.redactions, marker: r.marker })}</p>`;
}

function statusHtml(entry: ArchiveSource, input: ArchiveInput, r: ReadmeText): string {
  if (!isSourceFailed(entry.status)) {
    return `<p class="status">${sourceStatusText(entry, r)}</p>${redactionsHtml(entry, r)}`;
  }
  const reason = entry.error ? escapeHtml(entry.error) : r.text("failedReason");
  const email = escapeHtml(input.controller.contactEmail);
  const contact = r.html("failedContact", { email: `<a href="mailto:${email}">${email}</a>`, reference: escapeHtml(input.request.reference) });
  return `<p class="status failed"><strong>${sourceStatusText(entry, r)}</strong> ${reason} ${contact}</p>`;
}

function filesHtml(paths: ManifestFile[], r: ReadmeText): string {
  if (paths.length === 0) return "";
  const links = paths.map(
    (file) =>
      `<li><a href="${escapeHtml(file.path)}"><code>${escapeHtml(file.path)}</code></a> ` +
      `<span class="muted">(${r.bytes(file.bytes)})</span></li>`,
  );
  return `<h3>${r.text("filesHeading")}</h3><ul>${links.join("")}</ul>`;
}

/** Art. 15(1)(a)-(h) for this source; (e), (f) and (h) are the same for every source. */
function art15Html(entry: ArchiveSource, input: ArchiveInput, r: ReadmeText): string {
  const { source } = entry;
  const authority = input.controller.supervisoryAuthority;
  const authorityUrl = webUrl(authority.url);
  const authorityHtml = authorityUrl
    ? `<a href="${escapeHtml(authorityUrl)}">${escapeHtml(authority.name)}</a>`
    : escapeHtml(authority.name);
  return `<h3>${r.text("howWeUse")}</h3>
<dl class="art15">
<dt>${r.text("art15Purposes")}</dt><dd>${list(source.purposes, r.text("art15NoPurpose"))}</dd>
<dt>${r.text("art15LegalBasis")}</dt><dd><p>${escapeHtml(source.legalBasis)}</p></dd>
<dt>${r.text("art15Categories")}</dt><dd>${list(source.categories, r.text("art15NotSpecified"))}</dd>
<dt>${r.text("art15Recipients")}</dt><dd>${list(source.recipients, r.text("art15NoRecipients", { company: input.controller.name }))}</dd>
<dt>${r.text("art15Retention")}</dt><dd><p>${escapeHtml(source.retention)}</p></dd>
<dt>${r.text("art15Origin")}</dt><dd><p>${escapeHtml(source.origin)}</p></dd>
<dt>${r.text("art15Rights")}</dt><dd><p>${r.html("art15RightsText", { authority: authorityHtml })}</p></dd>
<dt>${r.text("art15Automated")}</dt><dd><p>${r.text("art15AutomatedText")}</p></dd>
</dl>`;
}

function fieldsTableHtml(entry: ArchiveSource, r: ReadmeText): string {
  const { source } = entry;
  const rows = Object.entries(source.fields).map(
    ([field, meaning]) => `<tr><th scope="row"><code>${escapeHtml(field)}</code></th><td>${escapeHtml(meaning)}</td></tr>`,
  );
  return `<table>
<caption>${r.text("fieldsCaption", { source: source.title })}</caption>
<thead><tr><th scope="col">${r.text("fieldsField")}</th><th scope="col">${r.text("fieldsMeaning")}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody>
</table>`;
}

export function renderSourceSection(entry: ArchiveSource, input: ArchiveInput, files: ManifestFile[], r: ReadmeText): string {
  const { source } = entry;
  const anchor = sourceAnchor(source.key);
  const ownFiles = files.filter((file) => file.path.startsWith(`data/${source.key}.`));
  return `<section id="${escapeHtml(anchor)}" aria-labelledby="${escapeHtml(anchor)}-title">
<h2 id="${escapeHtml(anchor)}-title">${escapeHtml(source.title)}</h2>
<p>${escapeHtml(source.description)}</p>
${statusHtml(entry, input, r)}
${filesHtml(ownFiles, r)}
${art15Html(entry, input, r)}
<h3>${r.text("fieldsHeading")}</h3>
${fieldsTableHtml(entry, r)}
</section>`;
}

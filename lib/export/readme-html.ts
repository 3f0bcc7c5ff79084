import type { ArchiveInput } from "./archive-input";
import { archiveFormats } from "./archive-input";
import { escapeHtml, webUrl } from "./html-escape";
import type { ManifestFile } from "./manifest";
import { formatCount, timeHtml } from "./readme-format";
import { renderSourceSection, sourceAnchor, sourceStatusText } from "./readme-source";
import { README_CSS } from "./readme-style";

// README.html is what the customer opens first: a self-contained page (no scripts, no external
// assets, a CSP that forbids both) that explains the archive in plain language and carries the
// information Art. 15(1) GDPR requires alongside the copy of the data (Art. 15(3)).

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function mailto(email: string): string {
  return `<a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>`;
}

function introHtml(input: ArchiveInput): string {
  const controller = escapeHtml(input.controller.name);
  const access =
    `This archive is the copy of your personal data that you asked ${controller} for under your ` +
    `right of access (Article 15 GDPR).`;
  const portability =
    `This archive contains the personal data you provided to ${controller}, in structured, commonly used, ` +
    `machine-readable formats that you can keep or give to another organisation (right to data portability, ` +
    `Article 20 GDPR).`;
  return `<p>${input.request.type === "PORTABILITY" ? portability : access}</p>`;
}

function factsHtml(input: ArchiveInput): string {
  const { request, subject } = input;
  const who = subject.name ? `${escapeHtml(subject.name)} (${escapeHtml(subject.email)})` : escapeHtml(subject.email);
  const range = request.range;
  const period =
    range?.from || range?.to
      ? `Records ${range.from ? `from ${timeHtml(range.from, false)}` : ""}${range.from && range.to ? " " : ""}` +
        `${range.to ? `up to ${timeHtml(range.to, false)}` : ""}, as you asked. Sources without dates are included in full.`
      : "Everything we hold about you.";
  return `<dl class="facts">
<dt>Request reference</dt><dd><strong>${escapeHtml(request.reference)}</strong></dd>
<dt>Prepared for</dt><dd>${who}</dd>
<dt>Request received</dt><dd>${timeHtml(request.submittedAt)}</dd>
<dt>Archive created</dt><dd>${timeHtml(input.generatedAt)}</dd>
<dt>Period covered</dt><dd>${period}</dd>
<dt>File formats</dt><dd>${escapeHtml(archiveFormats(input).join(" and "))}</dd>
</dl>`;
}

function tocHtml(input: ArchiveInput): string {
  const sources = input.sources.map(
    ({ source }) => `<li><a href="#${escapeHtml(sourceAnchor(source.key))}">${escapeHtml(source.title)}</a></li>`,
  );
  return `<nav aria-labelledby="contents-title">
<h2 id="contents-title">Contents</h2>
<ol>
<li><a href="#summary">Summary</a></li>
<li>Your data, by source<ol>${sources.join("")}</ol></li>
<li><a href="#rights">Your rights</a></li>
<li><a href="#contact">Who we are and how to contact us</a></li>
<li><a href="#files">About the files in this archive</a></li>
</ol>
</nav>`;
}

function summaryHtml(input: ArchiveInput): string {
  const total = input.sources.reduce((sum, entry) => sum + (entry.status === "DONE" ? entry.recordCount : 0), 0);
  const failed = input.sources.filter((entry) => entry.status === "FAILED").length;
  const headline =
    total === 0 && failed === 0
      ? `We searched ${formatCount(input.sources.length, "source")} and no records were found about you.`
      : `We searched ${formatCount(input.sources.length, "source")} and found ${formatCount(total, "record")} about you.`;
  const failures = failed
    ? ` <strong>${formatCount(failed, "source")} could not be collected</strong>; see the sections below.`
    : "";
  const rows = input.sources.map(
    (entry) =>
      `<tr><th scope="row"><a href="#${escapeHtml(sourceAnchor(entry.source.key))}">${escapeHtml(entry.source.title)}</a></th>` +
      `<td>${escapeHtml(sourceStatusText(entry))}</td></tr>`,
  );
  return `<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<p>${headline}${failures}</p>
<table>
<caption>What we found, by source</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Result</th></tr></thead>
<tbody>${rows.join("\n")}</tbody>
</table>
</section>`;
}

function rightsHtml(input: ArchiveInput): string {
  const authority = input.controller.supervisoryAuthority;
  const url = webUrl(authority.url);
  const authorityHtml = url
    ? `<a href="${escapeHtml(url)}">${escapeHtml(authority.name)}</a> (<code>${escapeHtml(url)}</code>)`
    : escapeHtml(authority.name);
  return `<section id="rights" aria-labelledby="rights-title">
<h2 id="rights-title">Your rights</h2>
<p>Under the General Data Protection Regulation (GDPR) you have the right to:</p>
<ul>
<li><strong>Rectification</strong> (Article 16): have inaccurate data about you corrected and incomplete data completed.</li>
<li><strong>Erasure</strong> (Article 17): have your data deleted, for example when we no longer need it or you withdraw your consent.</li>
<li><strong>Restriction</strong> (Article 18): have us keep but stop using your data while, for example, its accuracy is checked.</li>
<li><strong>Objection</strong> (Article 21): object to processing based on our legitimate interests, and at any time to direct marketing.</li>
<li><strong>Data portability</strong> (Article 20): receive data you gave us in a machine-readable format, or have it sent to another organisation.</li>
<li><strong>Withdraw consent</strong> (Article 7(3)) at any time, where we rely on your consent; this does not affect processing before you withdrew it.</li>
</ul>
<p>To use any of these rights, contact us (see below). You also have the right to lodge a complaint with a supervisory
authority (Article 77), in particular in the EU country where you live or work. Our lead supervisory authority is ${authorityHtml}.</p>
<p>We do not make decisions about you based solely on automated processing, including profiling, that produce legal
effects concerning you or similarly significantly affect you (Article 22 GDPR).</p>
</section>`;
}

function contactHtml(input: ArchiveInput): string {
  const { controller } = input;
  return `<section id="contact" aria-labelledby="contact-title">
<h2 id="contact-title">Who we are and how to contact us</h2>
<dl class="facts">
<dt>Data controller</dt><dd>${escapeHtml(controller.name)}</dd>
${controller.address ? `<dt>Address</dt><dd>${escapeHtml(controller.address)}</dd>` : ""}
<dt>Privacy contact</dt><dd>${mailto(controller.contactEmail)}</dd>
${controller.dpoEmail ? `<dt>Data Protection Officer</dt><dd>${mailto(controller.dpoEmail)}</dd>` : ""}
</dl>
<p>Please quote your request reference, <strong>${escapeHtml(input.request.reference)}</strong>, when you contact us.</p>
</section>`;
}

function filesHelpHtml(): string {
  return `<section id="files" aria-labelledby="files-title">
<h2 id="files-title">About the files in this archive</h2>
<ul>
<li><code>data/*.json</code>: each file is a JSON array with one record per line, for programs and for moving your data elsewhere.</li>
<li><code>data/*.csv</code>: the same records as a table for spreadsheets, with a header row naming each field.
Text that a spreadsheet could mistake for a formula (starting with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code>)
starts with an apostrophe (<code>'</code>) so that it is shown as text and never run.</li>
<li><code>manifest.json</code>: a machine-readable description of this archive, with the size and SHA-256 checksum of every file so
you can check that nothing is missing or altered.</li>
</ul>
<p>Dates and times are in UTC (ISO 8601). Binary values are written in Base64.</p>
</section>`;
}

/** The complete README.html for the archive; `files` are the data files already written. */
export function renderReadmeHtml(input: ArchiveInput, files: ManifestFile[]): string {
  const title = `Your personal data from ${input.controller.name}: request ${input.request.reference}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${README_CSS}</style>
</head>
<body>
<header>
<h1>Your personal data held by ${escapeHtml(input.controller.name)}</h1>
${introHtml(input)}
${factsHtml(input)}
</header>
<main>
${tocHtml(input)}
${summaryHtml(input)}
${input.sources.map((entry) => renderSourceSection(entry, input, files)).join("\n")}
${rightsHtml(input)}
${contactHtml(input)}
${filesHelpHtml()}
</main>
<footer><p>Created ${timeHtml(input.generatedAt)} for request ${escapeHtml(input.request.reference)}.</p></footer>
</body>
</html>
`;
}

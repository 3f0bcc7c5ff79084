import { isCollected, isSourceFailed } from "@/lib/requests/source-lifecycle";
import type { ArchiveInput } from "./archive-input";
import { archiveFormats } from "./archive-input";
import { escapeHtml, webUrl } from "./html-escape";
import type { ManifestFile } from "./manifest";
import { readmeText, type ReadmeText } from "./readme-format";
import { renderSourceSection, sourceAnchor, sourceStatusText } from "./readme-source";
import { README_CSS } from "./readme-style";

// README.html is what the customer opens first: a self-contained page (no scripts, no external
// assets, a CSP that forbids both) that explains the archive in plain language and carries the
// information Art. 15(1) GDPR requires alongside the copy of the data (Art. 15(3)). Its words
// are `readme.*` in messages/<locale>.json, in the language the customer asked in.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function mailto(email: string): string {
  return `<a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>`;
}

function introHtml(input: ArchiveInput, r: ReadmeText): string {
  const company = input.controller.name;
  return `<p>${r.text(input.request.type === "PORTABILITY" ? "introPortability" : "introAccess", { company })}</p>`;
}

function factsHtml(input: ArchiveInput, r: ReadmeText): string {
  const { request, subject } = input;
  const who = subject.name ? `${escapeHtml(subject.name)} (${escapeHtml(subject.email)})` : escapeHtml(subject.email);
  const range = request.range;
  const bounds = [
    range?.from ? r.html("periodFrom", { date: r.time(range.from, false) }) : null,
    range?.to ? r.html("periodTo", { date: r.time(range.to, false) }) : null,
  ].filter(Boolean);
  const period = bounds.length > 0 ? r.html("periodRange", { range: bounds.join(" ") }) : r.text("periodAll");
  const formats = archiveFormats(input);
  const formatsText = formats.length === 2 ? r.text("formatsJoin", { first: formats[0]!, second: formats[1]! }) : escapeHtml(formats.join(""));
  return `<dl class="facts">
<dt>${r.text("factReference")}</dt><dd><strong>${escapeHtml(request.reference)}</strong></dd>
<dt>${r.text("factPreparedFor")}</dt><dd>${who}</dd>
${agentHtml(input, r)}<dt>${r.text("factReceived")}</dt><dd>${r.time(request.submittedAt)}</dd>
<dt>${r.text("factCreated")}</dt><dd>${r.time(input.generatedAt)}</dd>
<dt>${r.text("factPeriod")}</dt><dd>${period}</dd>
<dt>${r.text("factFormats")}</dt><dd>${formatsText}</dd>
</dl>`;
}

/** A request made by someone else: who asked, as what, and which mandate (its digest) it rests on. */
function agentHtml({ agent }: ArchiveInput, r: ReadmeText): string {
  if (!agent) return "";
  const relationship = r.text(`relationship${agent.relationship}`);
  const askedBy = r.html("requestedByAgent", { agent: escapeHtml(agent.email), relationship });
  const received = r.time(agent.mandateReceivedAt);
  const onMandate = r.html("mandateFact", { date: received, sha256: escapeHtml(agent.mandateSha256) });
  return `<dt>${r.text("factRequestedBy")}</dt><dd>${askedBy}</dd>
<dt>${r.text("factMandate")}</dt><dd>${onMandate}</dd>
`;
}

function tocHtml(input: ArchiveInput, r: ReadmeText): string {
  const sources = input.sources.map(
    ({ source }) => `<li><a href="#${escapeHtml(sourceAnchor(source.key))}">${escapeHtml(source.title)}</a></li>`,
  );
  return `<nav aria-labelledby="contents-title">
<h2 id="contents-title">${r.text("contents")}</h2>
<ol>
<li><a href="#summary">${r.text("summary")}</a></li>
<li>${r.text("bySource")}<ol>${sources.join("")}</ol></li>
<li><a href="#rights">${r.text("rightsTitle")}</a></li>
<li><a href="#contact">${r.text("contactTitle")}</a></li>
<li><a href="#files">${r.text("filesTitle")}</a></li>
</ol>
</nav>`;
}

function summaryHtml(input: ArchiveInput, r: ReadmeText): string {
  const total = input.sources.reduce((sum, entry) => sum + (isCollected(entry.status) ? entry.recordCount : 0), 0);
  const failed = input.sources.filter((entry) => isSourceFailed(entry.status)).length;
  const sources = r.count("sources", input.sources.length);
  const headline =
    total === 0 && failed === 0 ? r.text("headlineNone", { sources }) : r.text("headlineFound", { sources, records: r.count("records", total) });
  const failures = failed ? ` ${r.html("headlineFailed", { sources: r.count("sources", failed) })}` : "";
  const rows = input.sources.map(
    (entry) =>
      `<tr><th scope="row"><a href="#${escapeHtml(sourceAnchor(entry.source.key))}">${escapeHtml(entry.source.title)}</a></th>` +
      `<td>${sourceStatusText(entry, r)}</td></tr>`,
  );
  return `<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">${r.text("summary")}</h2>
<p>${headline}${failures}</p>
<table>
<caption>${r.text("summaryCaption")}</caption>
<thead><tr><th scope="col">${r.text("summarySource")}</th><th scope="col">${r.text("summaryResult")}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody>
</table>
</section>`;
}

function rightsHtml(input: ArchiveInput, r: ReadmeText): string {
  const authority = input.controller.supervisoryAuthority;
  const url = webUrl(authority.url);
  const authorityHtml = url
    ? `<a href="${escapeHtml(url)}">${escapeHtml(authority.name)}</a> (<code>${escapeHtml(url)}</code>)`
    : escapeHtml(authority.name);
  const rights = ["rightRectification", "rightErasure", "rightRestriction", "rightObjection", "rightPortability", "rightWithdraw"] as const;
  return `<section id="rights" aria-labelledby="rights-title">
<h2 id="rights-title">${r.text("rightsTitle")}</h2>
<p>${r.text("rightsIntro")}</p>
<ul>
${rights.map((right) => `<li>${r.html(right)}</li>`).join("\n")}
</ul>
<p>${r.html("rightsHow", { authority: authorityHtml })}</p>
<p>${r.text("rightsAutomated")}</p>
</section>`;
}

function contactHtml(input: ArchiveInput, r: ReadmeText): string {
  const { controller } = input;
  return `<section id="contact" aria-labelledby="contact-title">
<h2 id="contact-title">${r.text("contactTitle")}</h2>
<dl class="facts">
<dt>${r.text("contactController")}</dt><dd>${escapeHtml(controller.name)}</dd>
${controller.address ? `<dt>${r.text("contactAddress")}</dt><dd>${escapeHtml(controller.address)}</dd>` : ""}
<dt>${r.text("contactPrivacy")}</dt><dd>${mailto(controller.contactEmail)}</dd>
${controller.dpoEmail ? `<dt>${r.text("contactDpo")}</dt><dd>${mailto(controller.dpoEmail)}</dd>` : ""}
</dl>
<p>${r.html("contactQuote", { reference: escapeHtml(input.request.reference) })}</p>
</section>`;
}

function filesHelpHtml(r: ReadmeText): string {
  return `<section id="files" aria-labelledby="files-title">
<h2 id="files-title">${r.text("filesTitle")}</h2>
<ul>
<li>${r.html("filesJson")}</li>
<li>${r.html("filesCsv")}</li>
<li>${r.html("filesManifest")}</li>
</ul>
<p>${r.text("filesDates")}</p>
</section>`;
}

/** The complete README.html for the archive; `files` are the data files already written. */
export function renderReadmeHtml(declared: ArchiveInput, files: ManifestFile[]): string {
  const r = readmeText(declared.locale);
  const input = { ...declared, sources: declared.sources.map((entry) => ({ ...entry, source: r.source(entry.source) })) };
  const reference = input.request.reference;
  const company = input.controller.name;
  return `<!doctype html>
<html lang="${escapeHtml(r.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="referrer" content="no-referrer">
<title>${r.text("title", { company, reference })}</title>
<style>${README_CSS}</style>
</head>
<body>
<header>
<h1>${r.text("heading", { company })}</h1>
${introHtml(input, r)}
${factsHtml(input, r)}
</header>
<main>
${tocHtml(input, r)}
${summaryHtml(input, r)}
${input.sources.map((entry) => renderSourceSection(entry, input, files, r)).join("\n")}
${rightsHtml(input, r)}
${contactHtml(input, r)}
${filesHelpHtml(r)}
</main>
<footer><p>${r.html("footer", { date: r.time(input.generatedAt), reference: escapeHtml(reference) })}</p></footer>
</body>
</html>
`;
}

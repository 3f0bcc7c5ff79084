import type { ArchiveInput } from "./archive-input";
import type { ManifestFile } from "./manifest";
import { ReadmeHeader } from "./readme-header";
import { Contact, FilesHelp, Rights } from "./readme-rights";
import { SourceSection } from "./readme-source";
import { README_CSS } from "./readme-style";
import { Contents, Summary } from "./readme-summary";
import { readmeText, type ReadmeText } from "./readme-text";

// README.html is what the customer opens first: a self-contained page (no scripts, no external
// assets, a CSP that forbids both) that explains the archive in plain language and carries the
// information Art. 15(1) GDPR requires alongside the copy of the data (Art. 15(3)). Its words
// are `readme.*` in messages/<locale>.json, in the language the customer asked in.
// It is rendered by React so that every value — the customer's own name, a source's texts, an
// error — is escaped by the renderer, not by a call someone has to remember.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function ReadmeDocument({ input, files, text }: { input: ArchiveInput; files: ManifestFile[]; text: ReadmeText }) {
  const { reference } = input.request;
  const company = input.controller.name;
  return (
    <html lang={text.locale}>
      {/* A standalone file inside the ZIP, not a Next page: next/head does not apply. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta httpEquiv="Content-Security-Policy" content={CSP} />
        <meta name="referrer" content="no-referrer" />
        <title>{text.plain("title", { company, reference })}</title>
        {/* React writes a <style> element's text as CSS, not entity-escaped (it is raw text in HTML). */}
        <style>{README_CSS}</style>
      </head>
      <body>
        <ReadmeHeader input={input} text={text} />
        <main>
          <Contents input={input} text={text} />
          <Summary input={input} text={text} />
          {input.sources.map((entry) => (
            <SourceSection key={entry.source.key} entry={entry} input={input} files={files} text={text} />
          ))}
          <Rights input={input} text={text} />
          <Contact input={input} text={text} />
          <FilesHelp text={text} />
        </main>
        <footer>
          <p>{text.rich("footer", { date: text.time(input.generatedAt), reference })}</p>
        </footer>
      </body>
    </html>
  );
}

function readmeElement(declared: ArchiveInput, files: ManifestFile[]) {
  const text = readmeText(declared.locale);
  const sources = declared.sources.map((entry) => ({ ...entry, source: text.source(entry.source) }));
  return <ReadmeDocument input={{ ...declared, sources }} files={files} text={text} />;
}

/**
 * The complete README.html for the archive; `files` are the data files already written.
 *
 * react-dom/server is imported when first needed, as @react-email/render does for the emails: Next
 * refuses a static import of it in an app route's module graph (this also runs in /api/inngest,
 * not only in the worker), and react-dom/server.browser, which it allows, opens a MessageChannel
 * that keeps a Node process from ever exiting. Node then caches the module.
 */
export async function renderReadmeHtml(declared: ArchiveInput, files: ManifestFile[]): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return `<!doctype html>\n${renderToStaticMarkup(readmeElement(declared, files))}\n`;
}

import type { ArchiveInput } from "./archive-input";
import { SourceStatusText, sourceAnchor, sourceFailed } from "./readme-source";
import type { ReadmeText } from "./readme-text";

// The table of contents and the summary: how many sources were searched, how many records each
// gave and which could not be collected, before the customer reads any section.

type SummaryProps = { input: ArchiveInput; text: ReadmeText };

export function Contents({ input, text }: SummaryProps) {
  return (
    <nav aria-labelledby="contents-title">
      <h2 id="contents-title">{text.plain("contents")}</h2>
      <ol>
        <li>
          <a href="#summary">{text.plain("summary")}</a>
        </li>
        <li>
          {text.plain("bySource")}
          <ol>
            {input.sources.map(({ source }) => (
              <li key={source.key}>
                <a href={`#${sourceAnchor(source.key)}`}>{source.title}</a>
              </li>
            ))}
          </ol>
        </li>
        <li>
          <a href="#rights">{text.plain("rightsTitle")}</a>
        </li>
        <li>
          <a href="#contact">{text.plain("contactTitle")}</a>
        </li>
        <li>
          <a href="#files">{text.plain("filesTitle")}</a>
        </li>
      </ol>
    </nav>
  );
}

function Headline({ input, text }: SummaryProps) {
  const collected = input.sources.filter((entry) => !sourceFailed(entry));
  const total = collected.reduce((sum, entry) => sum + entry.recordCount, 0);
  const failed = input.sources.length - collected.length;
  const sources = text.count("sources", input.sources.length);
  const headline =
    total === 0 && failed === 0
      ? text.plain("headlineNone", { sources })
      : text.plain("headlineFound", { sources, records: text.count("records", total) });
  if (failed === 0) return <p>{headline}</p>;
  return (
    <p>
      {headline} {text.rich("headlineFailed", { sources: text.count("sources", failed) })}
    </p>
  );
}

export function Summary({ input, text }: SummaryProps) {
  return (
    <section id="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{text.plain("summary")}</h2>
      <Headline input={input} text={text} />
      <table>
        <caption>{text.plain("summaryCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{text.plain("summarySource")}</th>
            <th scope="col">{text.plain("summaryResult")}</th>
          </tr>
        </thead>
        <tbody>
          {input.sources.map((entry) => (
            <tr key={entry.source.key}>
              <th scope="row">
                <a href={`#${sourceAnchor(entry.source.key)}`}>{entry.source.title}</a>
              </th>
              <td>
                <SourceStatusText entry={entry} text={text} />
                {/* Art. 15(4): said here too, so the summary alone does not read as the whole text. */}
                {entry.redactions ? ` ${text.plain("summaryRedacted", { count: entry.redactions })}` : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

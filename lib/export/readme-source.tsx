import { isSourceFailed } from "@/lib/requests/source-lifecycle";
import type { ArchiveInput, ArchiveSource } from "./archive-input";
import type { ManifestFile } from "./manifest";
import { Art15Information } from "./readme-art15";
import type { ReadmeText } from "./readme-text";

// One section of README.html per source: what the data is, how much of it there is, where to
// find it in the archive, and the information Art. 15(1) GDPR entitles the data subject to
// about it. Titles, descriptions and field notes are text: React escapes them.

type SourceProps = { entry: ArchiveSource; text: ReadmeText };

export function sourceAnchor(key: string): string {
  return `source-${key}`;
}

/** A source that did not answer completely is explained in its section instead of exported. */
export function sourceFailed(entry: Pick<ArchiveSource, "status">): boolean {
  return isSourceFailed(entry.status);
}

export function SourceStatusText({ entry, text }: SourceProps) {
  if (sourceFailed(entry)) return text.plain("statusFailed");
  if (entry.recordCount === 0) return text.plain("statusNone");
  return text.plain("statusFound", { records: text.count("records", entry.recordCount) });
}

/** Art. 15(4) GDPR: how many passages were redacted, and why; nothing when none were. */
function Redactions({ entry, text }: SourceProps) {
  if (!entry.redactions) return null;
  return <p className="redacted">{text.plain("redacted", { count: entry.redactions, marker: text.marker })}</p>;
}

function SourceStatus({ entry, input, text }: SourceProps & { input: ArchiveInput }) {
  if (!sourceFailed(entry))
    return (
      <>
        <p className="status">
          <SourceStatusText entry={entry} text={text} />
        </p>
        <Redactions entry={entry} text={text} />
      </>
    );
  const email = input.controller.contactEmail;
  const contact = text.rich("failedContact", {
    email: <a href={`mailto:${email}`}>{email}</a>,
    reference: input.request.reference,
  });
  return (
    <p className="status failed">
      <strong>
        <SourceStatusText entry={entry} text={text} />
      </strong>{" "}
      {entry.error || text.plain("failedReason")} {contact}
    </p>
  );
}

function SourceFiles({ files, text }: { files: ManifestFile[]; text: ReadmeText }) {
  if (files.length === 0) return null;
  return (
    <>
      <h3>{text.plain("filesHeading")}</h3>
      <ul>
        {files.map((file) => (
          <li key={file.path}>
            <a href={file.path}>
              <code>{file.path}</code>
            </a>{" "}
            <span className="muted">({text.bytes(file.bytes)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function FieldsTable({ entry, text }: SourceProps) {
  const { source } = entry;
  return (
    <table>
      <caption>{text.plain("fieldsCaption", { source: source.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{text.plain("fieldsField")}</th>
          <th scope="col">{text.plain("fieldsMeaning")}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(source.fields).map(([field, meaning]) => (
          <tr key={field}>
            <th scope="row">
              <code>{field}</code>
            </th>
            <td>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type SectionProps = SourceProps & { input: ArchiveInput; files: ManifestFile[] };

export function SourceSection({ entry, input, files, text }: SectionProps) {
  const { source } = entry;
  const anchor = sourceAnchor(source.key);
  const ownFiles = files.filter((file) => file.path.startsWith(`data/${source.key}.`));
  return (
    <section id={anchor} aria-labelledby={`${anchor}-title`}>
      <h2 id={`${anchor}-title`}>{source.title}</h2>
      <p>{source.description}</p>
      <SourceStatus entry={entry} input={input} text={text} />
      <SourceFiles files={ownFiles} text={text} />
      <Art15Information entry={entry} input={input} text={text} />
      <h3>{text.plain("fieldsHeading")}</h3>
      <FieldsTable entry={entry} text={text} />
    </section>
  );
}

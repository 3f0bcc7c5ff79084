import { archiveFormats, type ArchiveInput } from "./archive-input";
import type { ReadmeText } from "./readme-text";

// The top of README.html: what this archive is (Art. 15 or Art. 20) and the facts of the request.

type HeaderProps = { input: ArchiveInput; text: ReadmeText };

function Period({ input, text }: HeaderProps) {
  const range = input.request.range;
  const from = range?.from ? text.rich("periodFrom", { date: text.time(range.from, false) }) : null;
  const to = range?.to ? text.rich("periodTo", { date: text.time(range.to, false) }) : null;
  if (!from && !to) return text.plain("periodAll");
  // "from <date> up to <date>": one sentence, the two bounds joined by a space.
  return text.rich("periodRange", {
    range: (
      <>
        {from}
        {from && to ? " " : null}
        {to}
      </>
    ),
  });
}

function formatsText({ input, text }: HeaderProps): string {
  const formats = archiveFormats(input);
  if (formats.length !== 2) return formats.join("");
  return text.plain("formatsJoin", { first: formats[0]!, second: formats[1]! });
}

/** A request made for someone else (GDPR recital 63): who asked, as what, and on which mandate. */
function AgentFacts({ input, text }: HeaderProps) {
  const { agent } = input;
  if (!agent) return null;
  const relationship = text.plain(`relationship${agent.relationship}`);
  const received = text.time(agent.mandateReceivedAt);
  return (
    <>
      <dt>{text.plain("factRequestedBy")}</dt>
      <dd>{text.plain("requestedByAgent", { agent: agent.email, relationship })}</dd>
      <dt>{text.plain("factMandate")}</dt>
      <dd>{text.rich("mandateFact", { date: received, sha256: agent.mandateSha256 })}</dd>
    </>
  );
}

function Facts({ input, text }: HeaderProps) {
  const { request, subject } = input;
  return (
    <dl className="facts">
      <dt>{text.plain("factReference")}</dt>
      <dd>
        <strong>{request.reference}</strong>
      </dd>
      <dt>{text.plain("factPreparedFor")}</dt>
      <dd>{subject.name ? `${subject.name} (${subject.email})` : subject.email}</dd>
      <AgentFacts input={input} text={text} />
      <dt>{text.plain("factReceived")}</dt>
      <dd>{text.time(request.submittedAt)}</dd>
      <dt>{text.plain("factCreated")}</dt>
      <dd>{text.time(input.generatedAt)}</dd>
      <dt>{text.plain("factPeriod")}</dt>
      <dd>
        <Period input={input} text={text} />
      </dd>
      <dt>{text.plain("factFormats")}</dt>
      <dd>{formatsText({ input, text })}</dd>
    </dl>
  );
}

export function ReadmeHeader({ input, text }: HeaderProps) {
  const company = input.controller.name;
  const intro = input.request.type === "PORTABILITY" ? "introPortability" : "introAccess";
  return (
    <header>
      <h1>{text.plain("heading", { company })}</h1>
      <p>{text.plain(intro, { company })}</p>
      <Facts input={input} text={text} />
    </header>
  );
}

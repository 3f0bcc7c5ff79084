import type { ArchiveInput } from "./archive-input";
import { webUrl } from "./html-escape";
import type { ReadmeText } from "./readme-text";

// The end of README.html: the data subject's rights (Art. 13(2)(b)-(d), 15(1)(e)-(f) GDPR), who
// the controller is and how to reach them, and how to read the files.

type RightsProps = { input: ArchiveInput; text: ReadmeText };

const RIGHTS = [
  "rightRectification",
  "rightErasure",
  "rightRestriction",
  "rightObjection",
  "rightPortability",
  "rightWithdraw",
] as const;

function AuthorityWithAddress({ authority }: { authority: ArchiveInput["controller"]["supervisoryAuthority"] }) {
  const url = webUrl(authority.url);
  if (!url) return <>{authority.name}</>;
  return (
    <>
      <a href={url}>{authority.name}</a> (<code>{url}</code>)
    </>
  );
}

export function Rights({ input, text }: RightsProps) {
  const authority = <AuthorityWithAddress authority={input.controller.supervisoryAuthority} />;
  return (
    <section id="rights" aria-labelledby="rights-title">
      <h2 id="rights-title">{text.plain("rightsTitle")}</h2>
      <p>{text.plain("rightsIntro")}</p>
      <ul>
        {RIGHTS.map((right) => (
          <li key={right}>{text.rich(right)}</li>
        ))}
      </ul>
      <p>{text.rich("rightsHow", { authority })}</p>
      <p>{text.plain("rightsAutomated")}</p>
    </section>
  );
}

function Mailto({ email }: { email: string }) {
  return <a href={`mailto:${email}`}>{email}</a>;
}

export function Contact({ input, text }: RightsProps) {
  const { controller } = input;
  return (
    <section id="contact" aria-labelledby="contact-title">
      <h2 id="contact-title">{text.plain("contactTitle")}</h2>
      <dl className="facts">
        <dt>{text.plain("contactController")}</dt>
        <dd>{controller.name}</dd>
        {controller.address ? (
          <>
            <dt>{text.plain("contactAddress")}</dt>
            <dd>{controller.address}</dd>
          </>
        ) : null}
        <dt>{text.plain("contactPrivacy")}</dt>
        <dd>
          <Mailto email={controller.contactEmail} />
        </dd>
        {controller.dpoEmail ? (
          <>
            <dt>{text.plain("contactDpo")}</dt>
            <dd>
              <Mailto email={controller.dpoEmail} />
            </dd>
          </>
        ) : null}
      </dl>
      <p>{text.rich("contactQuote", { reference: input.request.reference })}</p>
    </section>
  );
}

export function FilesHelp({ text }: { text: ReadmeText }) {
  return (
    <section id="files" aria-labelledby="files-title">
      <h2 id="files-title">{text.plain("filesTitle")}</h2>
      <ul>
        <li>{text.rich("filesJson")}</li>
        <li>{text.rich("filesCsv")}</li>
        <li>{text.rich("filesManifest")}</li>
      </ul>
      <p>{text.plain("filesDates")}</p>
    </section>
  );
}

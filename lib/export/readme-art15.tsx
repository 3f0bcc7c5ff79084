import type { ArchiveInput, ArchiveSource } from "./archive-input";
import { webUrl } from "./html-escape";
import type { ReadmeText } from "./readme-text";
import { Transfers } from "./readme-transfers";

// Art. 15(1)(a)-(h) and 15(2) GDPR for one source, as the source declares it
// (lib/sources/types.ts); (e), (f) and (h) are the same for every source.

type Art15Props = { entry: ArchiveSource; input: ArchiveInput; text: ReadmeText };

function List({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** The supervisory authority, linked only when its address is a web URL (never "javascript:"). */
export function AuthorityLink({ authority }: { authority: ArchiveInput["controller"]["supervisoryAuthority"] }) {
  const url = webUrl(authority.url);
  return url ? <a href={url}>{authority.name}</a> : <>{authority.name}</>;
}

export function Art15Information({ entry, input, text }: Art15Props) {
  const { source } = entry;
  const authority = <AuthorityLink authority={input.controller.supervisoryAuthority} />;
  return (
    <>
      <h3>{text.plain("howWeUse")}</h3>
      <dl className="art15">
        <dt>{text.plain("art15Purposes")}</dt>
        <dd>
          <List items={source.purposes} empty={text.plain("art15NoPurpose")} />
        </dd>
        <dt>{text.plain("art15LegalBasis")}</dt>
        <dd>
          <p>{source.legalBasis}</p>
        </dd>
        <dt>{text.plain("art15Categories")}</dt>
        <dd>
          <List items={source.categories} empty={text.plain("art15NotSpecified")} />
        </dd>
        <dt>{text.plain("art15Recipients")}</dt>
        <dd>
          <List items={source.recipients} empty={text.plain("art15NoRecipients", { company: input.controller.name })} />
        </dd>
        <dt>{text.plain("art15Transfers")}</dt>
        <dd>
          <Transfers transfers={source.transfers} text={text} />
        </dd>
        <dt>{text.plain("art15Retention")}</dt>
        <dd>
          <p>{source.retention}</p>
        </dd>
        <dt>{text.plain("art15Origin")}</dt>
        <dd>
          <p>{source.origin}</p>
        </dd>
        <dt>{text.plain("art15Rights")}</dt>
        <dd>
          <p>{text.rich("art15RightsText", { authority })}</p>
        </dd>
        <dt>{text.plain("art15Automated")}</dt>
        <dd>
          <p>{text.plain("art15AutomatedText")}</p>
        </dd>
      </dl>
    </>
  );
}

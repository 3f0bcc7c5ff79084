import { Button, Heading, Text } from "@react-email/components";
import type { MandateRelationship } from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = {
  companyName: string;
  reference: string;
  agentEmail: string;
  subjectEmail: string;
  relationship: MandateRelationship;
  objectUrl: string;
  objectBy: Date;
  locale: string;
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/**
 * To the data subject, at their own address, when someone else asked for their data (GDPR
 * recital 63, Art. 12(6)): who asked, as what, and a link to object before staff decide.
 */
function SubjectInformedEmail({
  companyName,
  reference,
  agentEmail,
  subjectEmail,
  relationship,
  objectUrl,
  objectBy,
  locale,
}: Props) {
  const t = translator(locale);
  return (
    <EmailLayout
      preview={t("email.subjectInformed.preview", { agent: agentEmail })}
      companyName={companyName}
      locale={locale}
      // The usual "if that was not you, ignore it" would tell the person to ignore the very
      // request they may need to object to.
      footerKey="email.subjectInformed.footer"
    >
      <Heading style={emailStyles.heading}>{t("email.subjectInformed.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich("email.subjectInformed.text", {
          agent: agentEmail,
          company: companyName,
          email: subjectEmail,
          relationship: t(`mandate.relationship.${relationship}`),
          reference,
          strong,
        })}
      </Text>
      <Text style={emailStyles.text}>{t("email.subjectInformed.review")}</Text>
      <Text style={emailStyles.text}>
        {t("email.subjectInformed.object", { date: formatEmailDate(objectBy, locale) })}
      </Text>
      <Button href={objectUrl} style={emailStyles.button}>
        {t("email.subjectInformed.button")}
      </Button>
      <Text style={emailStyles.text}>{t("email.subjectInformed.ignore")}</Text>
    </EmailLayout>
  );
}

export const renderSubjectInformedEmail = (props: Props) =>
  renderEmail(
    translator(props.locale)("email.subjectInformed.subject", {
      company: props.companyName,
      reference: props.reference,
    }),
    <SubjectInformedEmail {...props} />,
  );

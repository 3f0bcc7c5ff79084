import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";
import { requesterSubjectLine, requesterWording } from "./requester-wording";

type Props = {
  companyName: string;
  reference: string;
  /** The reviewer's reason; without one, the email says the account did not match our records. */
  reason?: string | null;
  contactEmail: string;
  authority: { name: string; url: string };
  statusUrl: string;
  locale: string;
  /** The data subject's email when the requester asked for someone else (a mandate). */
  onBehalfOf?: string | null;
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Sent when a reviewer could not confirm the customer's identity: why, and what they can do (Art. 12(4) GDPR). */
function RequestRejectedEmail(props: Props) {
  const { companyName, reference, reason, contactEmail, authority, statusUrl, locale } = props;
  const t = translator(locale);
  const { key, subject } = requesterWording("rejected", props.onBehalfOf);
  return (
    <EmailLayout preview={t("email.rejected.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.rejected.heading")}</Heading>
      <Text style={emailStyles.text}>{t.rich(`${key}.text`, { reference, subject, strong })}</Text>
      <Text style={emailStyles.text}>
        {t.rich("email.rejected.reason", { reason: reason ?? t("email.rejected.defaultReason"), strong })}
      </Text>
      <Text style={emailStyles.text}>
        {t("email.rejected.next", { contact: contactEmail, authority: authority.name, authorityUrl: authority.url })}
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.rejected.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderRequestRejectedEmail = (props: Props) =>
  renderEmail(requesterSubjectLine("rejected", props), <RequestRejectedEmail {...props} />);

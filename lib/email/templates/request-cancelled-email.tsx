import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";
import { requesterSubjectLine, requesterWording } from "./requester-wording";

type Props = {
  companyName: string;
  reference: string;
  /** Staff's reason; without one, the email says the privacy team closed it. */
  reason?: string | null;
  contactEmail: string;
  statusUrl: string;
  locale: string;
  /** The data subject's email when the requester asked for someone else (a mandate). */
  onBehalfOf?: string | null;
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Sent when our privacy team closes a request: why, and that the customer can ask again. */
function RequestCancelledEmail(props: Props) {
  const { companyName, reference, reason, contactEmail, statusUrl, locale } = props;
  const t = translator(locale);
  const { key, subject } = requesterWording("cancelled", props.onBehalfOf);
  return (
    <EmailLayout preview={t("email.cancelled.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.cancelled.heading")}</Heading>
      <Text style={emailStyles.text}>{t.rich(`${key}.text`, { reference, subject, strong })}</Text>
      <Text style={emailStyles.text}>
        {t.rich("email.cancelled.reason", { reason: reason ?? t("email.cancelled.defaultReason"), strong })}
      </Text>
      <Text style={emailStyles.text}>{t("email.cancelled.next", { contact: contactEmail })}</Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.cancelled.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderRequestCancelledEmail = (props: Props) =>
  renderEmail(requesterSubjectLine("cancelled", props), <RequestCancelledEmail {...props} />);

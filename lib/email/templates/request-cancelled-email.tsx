import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type Props = {
  companyName: string;
  reference: string;
  reason: string;
  contactEmail: string;
  statusUrl: string;
  locale: string;
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Sent when our privacy team closes a request: why, and that the customer can ask again. */
function RequestCancelledEmail({ companyName, reference, reason, contactEmail, statusUrl, locale }: Props) {
  const t = translator(locale);
  return (
    <EmailLayout preview={t("email.cancelled.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.cancelled.heading")}</Heading>
      <Text style={emailStyles.text}>{t.rich("email.cancelled.text", { reference, strong })}</Text>
      <Text style={emailStyles.text}>{t.rich("email.cancelled.reason", { reason, strong })}</Text>
      <Text style={emailStyles.text}>{t("email.cancelled.next", { contact: contactEmail })}</Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.cancelled.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderRequestCancelledEmail = (props: Props) =>
  renderEmail(
    translator(props.locale)("email.cancelled.subject", { reference: props.reference }),
    <RequestCancelledEmail {...props} />,
  );

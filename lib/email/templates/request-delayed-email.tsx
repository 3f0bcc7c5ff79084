import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";
import { requesterSubjectLine, requesterWording } from "./requester-wording";

type Props = {
  companyName: string;
  reference: string;
  statusUrl: string;
  locale: string;
  /** The data subject's email when the requester asked for someone else (a mandate). */
  onBehalfOf?: string | null;
};

/** Sent when a source could not be collected: our team is on it, nothing is needed from the customer. */
function RequestDelayedEmail({ companyName, reference, statusUrl, locale, onBehalfOf }: Props) {
  const t = translator(locale);
  const { key, subject } = requesterWording("delayed", onBehalfOf);
  return (
    <EmailLayout preview={t("email.delayed.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.delayed.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich(`${key}.text`, { reference, subject, strong: (chunks) => <strong>{chunks}</strong> })}
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.delayed.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderRequestDelayedEmail = (props: Props) =>
  renderEmail(requesterSubjectLine("delayed", props), <RequestDelayedEmail {...props} />);

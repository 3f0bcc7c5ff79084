import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";
import { requesterSubjectLine, requesterWording } from "./requester-wording";

type Props = {
  companyName: string;
  reference: string;
  reason: string;
  extendedDueAt: Date;
  statusUrl: string;
  locale: string;
  /** The data subject's email when the requester asked for someone else (a mandate). */
  onBehalfOf?: string | null;
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Art. 12(3) GDPR: the customer is told of an extension, and why, within the first month. */
function DeadlineExtendedEmail(props: Props) {
  const { companyName, reference, reason, extendedDueAt, statusUrl, locale } = props;
  const t = translator(locale);
  const { key, subject } = requesterWording("extended", props.onBehalfOf);
  return (
    <EmailLayout preview={t("email.extended.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.extended.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich(`${key}.text`, { reference, subject, due: formatEmailDate(extendedDueAt, locale), strong })}
      </Text>
      <Text style={emailStyles.text}>{t.rich("email.extended.reason", { reason, strong })}</Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.extended.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderDeadlineExtendedEmail = (props: Props) =>
  renderEmail(requesterSubjectLine("extended", props), <DeadlineExtendedEmail {...props} />);

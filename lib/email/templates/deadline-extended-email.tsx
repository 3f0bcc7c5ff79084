import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = {
  companyName: string;
  reference: string;
  reason: string;
  extendedDueAt: Date;
  statusUrl: string;
  locale: string;
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Art. 12(3) GDPR: the customer is told of an extension, and why, within the first month. */
function DeadlineExtendedEmail({ companyName, reference, reason, extendedDueAt, statusUrl, locale }: Props) {
  const t = translator(locale);
  return (
    <EmailLayout preview={t("email.extended.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.extended.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich("email.extended.text", { reference, due: formatEmailDate(extendedDueAt, locale), strong })}
      </Text>
      <Text style={emailStyles.text}>{t.rich("email.extended.reason", { reason, strong })}</Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.extended.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderDeadlineExtendedEmail = (props: Props) =>
  renderEmail(
    translator(props.locale)("email.extended.subject", { reference: props.reference }),
    <DeadlineExtendedEmail {...props} />,
  );

import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; statusUrl: string; locale: string };

/** Sent when a source could not be collected: our team is on it, nothing is needed from the customer. */
function RequestDelayedEmail({ companyName, reference, statusUrl, locale }: Props) {
  const t = translator(locale);
  return (
    <EmailLayout preview={t("email.delayed.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.delayed.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich("email.delayed.text", { reference, strong: (chunks) => <strong>{chunks}</strong> })}
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.delayed.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderRequestDelayedEmail = (props: Props) =>
  renderEmail(
    translator(props.locale)("email.delayed.subject", { reference: props.reference }),
    <RequestDelayedEmail {...props} />,
  );

import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; downloadUrl: string; expiresAt: Date; locale: string };

function DataReadyEmail({ companyName, reference, downloadUrl, expiresAt, locale }: Props) {
  const t = translator(locale);
  return (
    <EmailLayout preview={t("email.ready.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.ready.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich("email.ready.text", { reference, strong: (chunks) => <strong>{chunks}</strong> })}
      </Text>
      <Button href={downloadUrl} style={emailStyles.button}>
        {t("email.ready.button")}
      </Button>
      <Text style={emailStyles.muted}>{t("email.ready.note", { date: formatEmailDate(expiresAt, locale) })}</Text>
    </EmailLayout>
  );
}

export const renderDataReadyEmail = (props: Props) =>
  renderEmail(
    translator(props.locale)("email.ready.subject", { reference: props.reference }),
    <DataReadyEmail {...props} />,
  );

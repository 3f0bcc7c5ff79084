import { Button, Heading, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";
import { requesterSubjectLine, requesterWording } from "./requester-wording";

type Props = {
  companyName: string;
  reference: string;
  downloadUrl: string;
  expiresAt: Date;
  locale: string;
  /** The data subject's email when the requester asked for someone else (a mandate). */
  onBehalfOf?: string | null;
};

function DataReadyEmail({ companyName, reference, downloadUrl, expiresAt, locale, onBehalfOf }: Props) {
  const t = translator(locale);
  const { key, subject } = requesterWording("ready", onBehalfOf);
  return (
    <EmailLayout preview={t(`${key}.preview`, { reference, subject })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t(`${key}.heading`, { subject })}</Heading>
      <Text style={emailStyles.text}>
        {t.rich(`${key}.text`, { reference, subject, strong: (chunks) => <strong>{chunks}</strong> })}
      </Text>
      <Button href={downloadUrl} style={emailStyles.button}>
        {t(`${key}.button`)}
      </Button>
      <Text style={emailStyles.muted}>{t("email.ready.note", { date: formatEmailDate(expiresAt, locale) })}</Text>
    </EmailLayout>
  );
}

export const renderDataReadyEmail = (props: Props) =>
  renderEmail(requesterSubjectLine("ready", props), <DataReadyEmail {...props} />);

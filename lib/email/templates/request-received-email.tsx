import { Button, Heading, Text } from "@react-email/components";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";
import { requesterSubjectLine, requesterWording } from "./requester-wording";

type Props = {
  companyName: string;
  reference: string;
  type: RequestType;
  dueAt: Date;
  statusUrl: string;
  locale: string;
  /** The data subject's email when the requester asked for someone else (a mandate). */
  onBehalfOf?: string | null;
};

function RequestReceivedEmail({ companyName, reference, type, dueAt, statusUrl, locale, onBehalfOf }: Props) {
  const t = translator(locale);
  const { key, subject } = requesterWording("received", onBehalfOf);
  return (
    <EmailLayout preview={t(`${key}.preview`, { reference, subject })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.received.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich(`${key}.text`, {
          // Each language words the copy itself: a lower-cased title would break German nouns.
          type,
          reference,
          subject,
          due: formatEmailDate(dueAt, locale),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        {t("email.received.button")}
      </Button>
    </EmailLayout>
  );
}

export const renderRequestReceivedEmail = (props: Props) =>
  renderEmail(requesterSubjectLine("received", props), <RequestReceivedEmail {...props} />);

import { Button, Heading, Text } from "@react-email/components";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = {
  companyName: string;
  reference: string;
  type: RequestType;
  dueAt: Date;
  statusUrl: string;
  locale: string;
};

function RequestReceivedEmail({ companyName, reference, type, dueAt, statusUrl, locale }: Props) {
  const t = translator(locale);
  return (
    <EmailLayout preview={t("email.received.preview", { reference })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.received.heading")}</Heading>
      <Text style={emailStyles.text}>
        {t.rich("email.received.text", {
          type: t(`requestType.${type}.title`).toLocaleLowerCase(locale),
          reference,
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
  renderEmail(
    translator(props.locale)("email.received.subject", { reference: props.reference }),
    <RequestReceivedEmail {...props} />,
  );

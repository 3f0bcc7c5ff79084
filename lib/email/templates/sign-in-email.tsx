import { Button, Heading, Link, Text } from "@react-email/components";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type SignInEmailProps = { url: string; companyName: string; expiresInMinutes: number; locale: string };

function SignInEmail({ url, companyName, expiresInMinutes, locale }: SignInEmailProps) {
  const t = translator(locale);
  const company = companyName;
  return (
    <EmailLayout preview={t("email.signIn.preview", { company })} companyName={companyName} locale={locale}>
      <Heading style={emailStyles.heading}>{t("email.signIn.heading", { company })}</Heading>
      <Text style={emailStyles.text}>{t("email.signIn.text", { minutes: expiresInMinutes })}</Text>
      <Button href={url} style={emailStyles.button}>
        {t("email.signIn.button")}
      </Button>
      <Text style={emailStyles.muted}>
        {t("email.signIn.fallback")} <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

export const renderSignInEmail = (props: SignInEmailProps) =>
  renderEmail(
    translator(props.locale)("email.signIn.subject", { company: props.companyName }),
    <SignInEmail {...props} />,
  );

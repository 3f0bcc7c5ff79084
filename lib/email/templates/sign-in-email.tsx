import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type SignInEmailProps = { url: string; companyName: string; expiresInMinutes: number };

function SignInEmail({ url, companyName, expiresInMinutes }: SignInEmailProps) {
  return (
    <EmailLayout preview={`Your sign-in link for the ${companyName} Privacy Center`} companyName={companyName}>
      <Heading style={emailStyles.heading}>Sign in to the {companyName} Privacy Center</Heading>
      <Text style={emailStyles.text}>Use the button below to sign in. The link works once and expires in {expiresInMinutes} minutes.</Text>
      <Button href={url} style={emailStyles.button}>
        Sign in
      </Button>
      <Text style={emailStyles.muted}>
        If the button does not work, open this address: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

export const renderSignInEmail = (props: SignInEmailProps) =>
  renderEmail(`Sign in to the ${props.companyName} Privacy Center`, <SignInEmail {...props} />);

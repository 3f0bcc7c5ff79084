import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles, STAFF_LOCALE } from "./email-layout";
import { renderEmail } from "./render-email";

type StaffInvitationProps = { signInUrl: string; companyName: string; invitedBy: string; role: string };

function StaffInvitationEmail({ signInUrl, companyName, invitedBy, role }: StaffInvitationProps) {
  return (
    <EmailLayout
      preview={`You have been added to the ${companyName} privacy team`}
      companyName={companyName}
      locale={STAFF_LOCALE}
    >
      <Heading style={emailStyles.heading}>You have been added to the {companyName} privacy team</Heading>
      <Text style={emailStyles.text}>
        {invitedBy} gave this address the {role} role in the {companyName} Privacy Center review console, where the
        privacy team checks identities and answers data requests.
      </Text>
      <Text style={emailStyles.text}>
        Sign in with this email address; we send you a one-time sign-in link each time, so there is no password to set.
      </Text>
      <Button href={signInUrl} style={emailStyles.button}>
        Open the review console
      </Button>
      <Text style={emailStyles.muted}>
        If the button does not work, open this address: <Link href={signInUrl}>{signInUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export const renderStaffInvitationEmail = (props: StaffInvitationProps) =>
  renderEmail(`You have been added to the ${props.companyName} privacy team`, <StaffInvitationEmail {...props} />);

import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; statusUrl: string };

/** Sent when a source could not be collected: our team is on it, nothing is needed from the customer. */
function RequestDelayedEmail({ companyName, reference, statusUrl }: Props) {
  return (
    <EmailLayout preview={`Your request ${reference} is taking longer`} companyName={companyName}>
      <Heading style={emailStyles.heading}>Your request is taking longer than usual</Heading>
      <Text style={emailStyles.text}>
        We could not collect part of your data for request <strong>{reference}</strong> automatically. Our privacy team has
        been told and will finish it by hand; you do not need to do anything. We will email you when your data is ready.
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        See the status
      </Button>
    </EmailLayout>
  );
}

export const renderRequestDelayedEmail = (props: Props) =>
  renderEmail(`Your privacy request ${props.reference} is delayed`, <RequestDelayedEmail {...props} />);

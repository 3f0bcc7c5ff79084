import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; reason: string; contactEmail: string; statusUrl: string };

/** Sent when our privacy team closes a request: why, and that the customer can ask again. */
function RequestCancelledEmail({ companyName, reference, reason, contactEmail, statusUrl }: Props) {
  return (
    <EmailLayout preview={`Your request ${reference} was cancelled`} companyName={companyName}>
      <Heading style={emailStyles.heading}>Your request was cancelled</Heading>
      <Text style={emailStyles.text}>
        Our privacy team cancelled request <strong>{reference}</strong>. Nothing was sent.
      </Text>
      <Text style={emailStyles.text}>
        The reason: <strong>{reason}</strong>
      </Text>
      <Text style={emailStyles.text}>
        You can make a new request at any time. If you have questions, reply to this email or write to{" "}
        <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link>.
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        See your request
      </Button>
    </EmailLayout>
  );
}

export const renderRequestCancelledEmail = (props: Props) =>
  renderEmail(`Your privacy request ${props.reference} was cancelled`, <RequestCancelledEmail {...props} />);

import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; reason: string; extendedDueAt: Date; statusUrl: string };

/** Art. 12(3) GDPR: the customer is told of an extension, and why, within the first month. */
function DeadlineExtendedEmail({ companyName, reference, reason, extendedDueAt, statusUrl }: Props) {
  return (
    <EmailLayout preview={`We need more time for your request ${reference}`} companyName={companyName}>
      <Heading style={emailStyles.heading}>We need more time for your request</Heading>
      <Text style={emailStyles.text}>
        We are extending the time to answer request <strong>{reference}</strong>, as the law allows for complex requests. We will
        answer by <strong>{formatEmailDate(extendedDueAt)}</strong> at the latest.
      </Text>
      <Text style={emailStyles.text}>
        Why we need more time: <strong>{reason}</strong>
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        Follow your request
      </Button>
    </EmailLayout>
  );
}

export const renderDeadlineExtendedEmail = (props: Props) =>
  renderEmail(`More time needed for your privacy request ${props.reference}`, <DeadlineExtendedEmail {...props} />);

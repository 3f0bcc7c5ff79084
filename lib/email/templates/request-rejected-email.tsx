import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { renderEmail } from "./render-email";

type Props = {
  companyName: string;
  reference: string;
  reason: string;
  contactEmail: string;
  authority: { name: string; url: string };
  statusUrl: string;
};

/** Sent when a reviewer could not confirm the customer's identity: why, and what they can do (Art. 12(4) GDPR). */
function RequestRejectedEmail({ companyName, reference, reason, contactEmail, authority, statusUrl }: Props) {
  return (
    <EmailLayout preview={`We could not complete your request ${reference}`} companyName={companyName}>
      <Heading style={emailStyles.heading}>We could not complete your request</Heading>
      <Text style={emailStyles.text}>
        We could not confirm that the account behind request <strong>{reference}</strong> belongs to the person in our records,
        so we have not sent any data.
      </Text>
      <Text style={emailStyles.text}>
        Our reason: <strong>{reason}</strong>
      </Text>
      <Text style={emailStyles.text}>
        If you think this is a mistake, reply to this email or write to <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link> and we
        will look at it again. You also have the right to complain to the supervisory authority,{" "}
        <Link href={authority.url}>{authority.name}</Link>.
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        See your request
      </Button>
    </EmailLayout>
  );
}

export const renderRequestRejectedEmail = (props: Props) =>
  renderEmail(`Your privacy request ${props.reference} could not be completed`, <RequestRejectedEmail {...props} />);

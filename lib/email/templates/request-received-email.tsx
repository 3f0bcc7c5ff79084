import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; typeTitle: string; dueAt: Date; statusUrl: string };

function RequestReceivedEmail({ companyName, reference, typeTitle, dueAt, statusUrl }: Props) {
  return (
    <EmailLayout preview={`We received your request ${reference}`} companyName={companyName}>
      <Heading style={emailStyles.heading}>We received your request</Heading>
      <Text style={emailStyles.text}>
        Your request for {typeTitle.toLowerCase()} has the reference <strong>{reference}</strong>. The law gives us until{" "}
        <strong>{formatEmailDate(dueAt)}</strong> to answer; most requests are ready much sooner.
      </Text>
      <Button href={statusUrl} style={emailStyles.button}>
        Follow your request
      </Button>
    </EmailLayout>
  );
}

export const renderRequestReceivedEmail = (props: Props) =>
  renderEmail(`We received your privacy request ${props.reference}`, <RequestReceivedEmail {...props} />);

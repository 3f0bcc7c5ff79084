import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

type Props = { companyName: string; reference: string; downloadUrl: string; expiresAt: Date };

function DataReadyEmail({ companyName, reference, downloadUrl, expiresAt }: Props) {
  return (
    <EmailLayout preview={`Your data for ${reference} is ready to download`} companyName={companyName}>
      <Heading style={emailStyles.heading}>Your data is ready</Heading>
      <Text style={emailStyles.text}>
        The copy of your data for request <strong>{reference}</strong> is ready. It contains a readable report and your data
        as JSON and CSV files.
      </Text>
      <Button href={downloadUrl} style={emailStyles.button}>
        Download your data
      </Button>
      <Text style={emailStyles.muted}>
        You will be asked to sign in first. The download is available until {formatEmailDate(expiresAt)}; after that we
        delete the copy, and you can ask for a fresh one at any time.
      </Text>
    </EmailLayout>
  );
}

export const renderDataReadyEmail = (props: Props) =>
  renderEmail(`Your data is ready to download (${props.reference})`, <DataReadyEmail {...props} />);

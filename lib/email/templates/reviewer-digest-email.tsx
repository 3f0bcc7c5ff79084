import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailStyles, STAFF_LOCALE } from "./email-layout";
import { formatEmailDate, renderEmail } from "./render-email";

export type DigestRequest = { reference: string; dueAt: Date; status: string; url: string };
type Props = {
  companyName: string;
  day: string;
  overdue: DigestRequest[];
  dueSoon: DigestRequest[];
  more: number;
  queueUrl: string;
};

function RequestList({ title, requests }: { title: string; requests: DigestRequest[] }) {
  if (requests.length === 0) return null;
  return (
    <Section>
      <Text style={{ ...emailStyles.text, fontWeight: 600 }}>{title}</Text>
      {requests.map((request) => (
        <Text key={request.reference} style={emailStyles.muted}>
          <Link href={request.url}>{request.reference}</Link>: due {formatEmailDate(request.dueAt, STAFF_LOCALE)} (
          {request.status})
        </Text>
      ))}
    </Section>
  );
}

/** The reviewers' morning email: what is overdue and what falls due within a week. */
function ReviewerDigestEmail({ companyName, day, overdue, dueSoon, more, queueUrl }: Props) {
  return (
    <EmailLayout
      preview={`${overdue.length} overdue, ${dueSoon.length} due within 7 days`}
      companyName={companyName}
      locale={STAFF_LOCALE}
    >
      <Heading style={emailStyles.heading}>Privacy requests needing attention</Heading>
      <Text style={emailStyles.text}>
        On {day}: {overdue.length} overdue and {dueSoon.length} due within 7 days.
      </Text>
      <RequestList title="Overdue" requests={overdue} />
      <RequestList title="Due within 7 days" requests={dueSoon} />
      {more > 0 ? <Text style={emailStyles.muted}>And {more} more in the queue.</Text> : null}
      <Button href={queueUrl} style={emailStyles.button}>
        Open the queue
      </Button>
    </EmailLayout>
  );
}

export const renderReviewerDigestEmail = (props: Props) =>
  renderEmail(
    `Privacy requests: ${props.overdue.length} overdue, ${props.dueSoon.length} due within 7 days`,
    <ReviewerDigestEmail {...props} />,
  );

import { streampayTable } from "./table-source";

export const supportSource = streampayTable({
  key: "support",
  title: "Support conversations",
  description: "The questions you asked our support team and every message in those conversations.",
  categories: ["Communications"],
  purposes: ["Answering your questions", "Improving our support"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR) and legitimate interests in improving our service (Art. 6(1)(f) GDPR)",
  recipients: ["Our customer-support tool provider (processor)"],
  transfers: [
    {
      recipient: "Intercom, Inc. (our customer-support tool, sub-processor)",
      country: "United States",
      safeguard: "SCCS",
    },
  ],
  retention: "3 years after the conversation ends",
  origin: "You and our support team wrote them",
  fields: {
    ticket_id: "Our reference for the conversation",
    subject: "The subject of the conversation",
    status: "Whether the conversation is open or closed",
    created_at: "When the conversation started",
    messages: "Each message: who wrote it (you or our team), when, and what it said",
  },
  // Art. 15(4): what the customer and our agents wrote may name other people.
  freeTextFields: ["subject", "messages[].body"],
  query: {
    from: "streampay.support_tickets t",
    key: "t.id",
    dateColumn: "t.created_at",
    columns: {
      ticket_id: "t.id",
      subject: "t.subject",
      status: "t.status",
      created_at: "t.created_at",
      // A conversation has a handful of messages, so they travel inside their ticket's record.
      messages: `COALESCE((SELECT json_agg(json_build_object('author', m.author, 'sent_at', m.sent_at, 'body', m.body)
                                     ORDER BY m.id)
                    FROM streampay.ticket_messages m WHERE m.ticket_id = t.id AND m.erased_at IS NULL), '[]'::json)`,
    },
  },
});

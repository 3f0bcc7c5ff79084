import { streampayTable } from "./table-source";

export const activitySource = streampayTable({
  key: "activity",
  title: "Account activity",
  description:
    "A log of what happened in your account: sign-ins, settings changes and payments, " +
    "with the device and network used.",
  categories: ["Usage data", "Device and network data"],
  purposes: ["Keeping your account secure", "Investigating fraud and misuse", "Fixing problems"],
  legalBasis: "Legitimate interests in security and fraud prevention (Art. 6(1)(f) GDPR)",
  recipients: ["Our hosting provider (processor)", "Our security monitoring provider (processor)"],
  transfers: [
    {
      recipient: "Our security monitoring provider (processor)",
      country: "United States",
      safeguard: "ADEQUACY_DECISION",
      note: "EU-US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795)",
    },
  ],
  retention: "2 years",
  origin: "Recorded by our systems when you use the service",
  fields: {
    activity_id: "Our reference for the entry",
    occurred_at: "When it happened",
    event_type: "What happened",
    ip_address: "The network address the request came from",
    user_agent: "The browser or app that made the request",
    details: "More about the event, such as the setting that changed",
  },
  query: {
    from: "streampay.activity_log t",
    key: "t.id",
    dateColumn: "t.occurred_at",
    columns: {
      activity_id: "t.id",
      occurred_at: "t.occurred_at",
      event_type: "t.event_type",
      ip_address: "t.ip_address",
      user_agent: "t.user_agent",
      details: "t.details",
    },
  },
});

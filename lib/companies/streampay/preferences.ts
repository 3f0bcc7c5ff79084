import { streampayTable } from "./table-source";

export const preferencesSource = streampayTable({
  key: "preferences",
  title: "Preferences",
  description: "The choices you made in your settings: which emails you want, your language, time zone and theme.",
  categories: ["Preferences", "Marketing consent"],
  purposes: ["Showing the service the way you chose", "Sending only the emails you agreed to"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR); consent for marketing emails (Art. 6(1)(a) GDPR)",
  recipients: ["Our email delivery provider (processor), for the emails you agreed to"],
  transfers: [
    {
      recipient: "Our email delivery provider (processor)",
      country: "United States",
      safeguard: "ADEQUACY_DECISION",
      note: "EU-US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795)",
    },
  ],
  retention: "For as long as you have an account",
  origin: "You chose them in your settings",
  fields: {
    marketing_emails: "Whether you agreed to receive marketing emails",
    product_updates: "Whether you want emails about product updates",
    language: "Your language",
    timezone: "Your time zone",
    theme: "Your display theme",
    updated_at: "When you last changed your preferences",
  },
  query: {
    from: "streampay.user_preferences t",
    key: "t.customer_id",
    columns: {
      marketing_emails: "t.marketing_emails",
      product_updates: "t.product_updates",
      language: "t.language",
      timezone: "t.timezone",
      theme: "t.theme",
      updated_at: "t.updated_at",
    },
  },
});

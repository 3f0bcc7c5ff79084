import { streampayTable } from "./table-source";

export const billingSource = streampayTable({
  key: "billing",
  title: "Payments and billing",
  description: "The payments you made to us and the card used for each (only its brand and last four digits).",
  categories: ["Financial data", "Transaction history"],
  purposes: ["Taking payment for the service", "Accounting and tax records", "Preventing payment fraud"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR); legal obligation for accounting records (Art. 6(1)(c) GDPR)",
  recipients: ["Our payment processor", "Our accountants", "Tax authorities when the law requires it"],
  transfers: [
    {
      recipient: "Stripe, Inc. (our payment processor's US parent, sub-processor)",
      country: "United States",
      safeguard: "ADEQUACY_DECISION",
      note: "EU-US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795)",
    },
  ],
  retention: "10 years after the payment, as tax law requires",
  origin: "Created when you paid; card details come from our payment processor",
  fields: {
    payment_id: "Our reference for the payment",
    amount_cents: "The amount, in cents",
    currency: "The currency of the payment",
    status: "Whether the payment succeeded, failed or was refunded",
    card_brand: "The brand of the card used",
    card_last4: "The last four digits of the card used",
    created_at: "When the payment was made",
  },
  query: {
    from: "streampay.payments t",
    key: "t.id",
    dateColumn: "t.created_at",
    columns: {
      payment_id: "t.id",
      amount_cents: "t.amount_cents",
      currency: "t.currency",
      status: "t.status",
      card_brand: "t.card_brand",
      card_last4: "t.card_last4",
      created_at: "t.created_at",
    },
  },
});

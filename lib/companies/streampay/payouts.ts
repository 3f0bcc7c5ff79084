import { streampayTable } from "./table-source";

export const payoutsSource = streampayTable({
  key: "payouts",
  title: "Payouts",
  description: "Money we paid out to you, and the account it went to (only its last four digits).",
  categories: ["Financial data", "Transaction history"],
  purposes: ["Paying out your balance", "Accounting and tax records", "Anti-money-laundering checks"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR); legal obligation under anti-money-laundering law (Art. 6(1)(c) GDPR)",
  recipients: ["Our bank and payment processor", "Authorities when anti-money-laundering law requires it"],
  transfers: [],
  retention: "10 years after the payout, as tax and anti-money-laundering law require",
  origin: "Created when we paid you",
  fields: {
    payout_id: "Our reference for the payout",
    amount_cents: "The amount, in cents",
    currency: "The currency of the payout",
    destination_last4: "The last four digits of the account paid into",
    status: "Whether the payout is pending, paid or failed",
    paid_at: "When the payout was made",
  },
  query: {
    from: "streampay.payouts t",
    key: "t.id",
    dateColumn: "t.paid_at",
    columns: {
      payout_id: "t.id",
      amount_cents: "t.amount_cents",
      currency: "t.currency",
      destination_last4: "t.destination_last4",
      status: "t.status",
      paid_at: "t.paid_at",
    },
  },
});

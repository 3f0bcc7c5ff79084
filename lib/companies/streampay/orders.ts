import { streampayTable } from "./table-source";

export const ordersSource = streampayTable({
  key: "orders",
  title: "Orders",
  description: "Every order you placed with us, with its amount and where it was sent.",
  categories: ["Purchase history", "Address"],
  purposes: ["Delivering what you ordered", "Accounting and tax records"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR); legal obligation for accounting records (Art. 6(1)(c) GDPR)",
  recipients: ["Our accountants", "Tax authorities when the law requires it"],
  transfers: [],
  retention: "10 years after the order, as tax law requires",
  origin: "Created when you placed an order",
  fields: {
    order_id: "Our reference for the order",
    order_number: "The order number shown on your receipt",
    status: "Where the order stands: placed, paid, shipped, delivered or refunded",
    total_cents: "The total, in cents",
    currency: "The currency of the total",
    placed_at: "When you placed the order",
    shipping_address: "Where the order was sent",
    notes: "What you wrote to us with the order, such as delivery instructions",
  },
  // Art. 15(4): a note may name other people ("give it to my neighbour …").
  freeTextFields: ["notes"],
  query: {
    from: "streampay.orders t",
    key: "t.id",
    dateColumn: "t.placed_at",
    columns: {
      order_id: "t.id",
      order_number: "t.order_number",
      status: "t.status",
      total_cents: "t.total_cents",
      currency: "t.currency",
      placed_at: "t.placed_at",
      shipping_address: "t.shipping_address",
      notes: "t.notes",
    },
  },
});

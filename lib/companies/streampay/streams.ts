import { streampayTable } from "./table-source";

export const streamsSource = streampayTable({
  key: "streams",
  title: "Payment streams",
  description: "The continuous payment streams you set up: who received them, the rate and when they ran.",
  categories: ["Transaction history", "Financial data"],
  purposes: ["Running the payment streams you set up", "Accounting and tax records"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR)",
  recipients: ["The recipients of your streams (the amounts they received)", "Our payment processor"],
  transfers: [],
  retention: "10 years after the stream ends, as tax law requires",
  origin: "Created when you set up a stream",
  fields: {
    stream_id: "Our reference for the stream",
    recipient: "Who received the stream",
    token: "The currency or token streamed",
    rate_per_second: "How much was streamed each second",
    started_at: "When the stream started",
    ended_at: "When the stream ended (empty while it runs)",
  },
  query: {
    from: "streampay.streams t",
    key: "t.id",
    dateColumn: "t.started_at",
    columns: {
      stream_id: "t.id",
      recipient: "t.recipient",
      token: "t.token",
      rate_per_second: "t.rate_per_second::text",
      started_at: "t.started_at",
      ended_at: "t.ended_at",
    },
  },
});

import type pg from "pg";

// Set-based generators for one customer's history: every row comes from generate_series with
// formulas on the series index, so the data is the same on every run and a million rows take
// seconds, not minutes of row-by-row inserts.

export type HistorySize = {
  activity: number;
  orders: number;
  payments: number;
  streams: number;
  payouts: number;
  tickets: number;
  messagesPerTicket: number;
  preferences: boolean;
};

export const NO_HISTORY: HistorySize = {
  activity: 0,
  orders: 0,
  payments: 0,
  streams: 0,
  payouts: 0,
  tickets: 0,
  messagesPerTicket: 0,
  preferences: false,
};

const EPOCH = "timestamptz '2024-01-01 09:00:00+00'";

const STATEMENTS: { size: keyof HistorySize; sql: string }[] = [
  {
    size: "activity",
    sql: `INSERT INTO streampay.activity_log (customer_id, occurred_at, event_type, ip_address, user_agent, details)
          SELECT $1::bigint, ${EPOCH} + g * interval '7 minutes',
                 (ARRAY['sign_in','stream_started','stream_stopped','payout_requested','settings_changed','api_call'])[1 + g % 6],
                 '203.0.113.' || (1 + g % 250),
                 (ARRAY['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)','Mozilla/5.0 (iPhone; CPU iPhone OS 17_5)','StreamPay-Android/4.2'])[1 + g % 3],
                 jsonb_build_object('sequence', g, 'session', 'sess_' || (g / 25))
            FROM generate_series(1, $2::int) g`,
  },
  {
    size: "orders",
    sql: `INSERT INTO streampay.orders (customer_id, order_number, status, total_cents, currency, placed_at,
                                        shipping_address, internal_margin_cents, notes)
          SELECT $1::bigint, 'SP-' || $1::bigint || '-' || lpad(g::text, 5, '0'),
                 (ARRAY['placed','paid','shipped','delivered','refunded'])[1 + g % 5],
                 1999 + (g * 137) % 50000, 'EUR', ${EPOCH} + g * interval '1 day 3 hours',
                 g || ' Harbour Road, Dublin', (g * 31) % 900,
                 CASE WHEN g % 20 = 0 THEN 'Please leave the parcel at the door if nobody answers.' END
            FROM generate_series(1, $2::int) g`,
  },
  {
    size: "payments",
    sql: `INSERT INTO streampay.payments (customer_id, amount_cents, currency, status, card_brand, card_last4, card_fingerprint, created_at)
          SELECT $1::bigint, 999 + (g * 211) % 20000, 'EUR', (ARRAY['succeeded','succeeded','succeeded','failed','refunded'])[1 + g % 5],
                 (ARRAY['visa','mastercard','amex'])[1 + g % 3], lpad(((g * 7919) % 10000)::text, 4, '0'),
                 'fp_secret_' || md5($1::bigint || ':' || g), ${EPOCH} + g * interval '2 days'
            FROM generate_series(1, $2::int) g`,
  },
  {
    size: "streams",
    sql: `INSERT INTO streampay.streams (customer_id, recipient, token, rate_per_second, started_at, ended_at)
          SELECT $1::bigint, 'creator-' || (1 + g % 40) || '@streams.example', (ARRAY['EUR','USDC','ETH'])[1 + g % 3],
                 round((0.0001 + (g % 97) * 0.00003)::numeric, 8), ${EPOCH} + g * interval '3 days',
                 CASE WHEN g % 10 = 0 THEN NULL ELSE ${EPOCH} + g * interval '3 days' + interval '6 hours' END
            FROM generate_series(1, $2::int) g`,
  },
  {
    size: "payouts",
    sql: `INSERT INTO streampay.payouts (customer_id, amount_cents, currency, destination_last4, status, paid_at)
          SELECT $1::bigint, 5000 + (g * 733) % 90000, 'EUR', lpad(((g * 3571) % 10000)::text, 4, '0'),
                 (ARRAY['paid','paid','pending','failed'])[1 + g % 4], ${EPOCH} + g * interval '4 days'
            FROM generate_series(1, $2::int) g`,
  },
  {
    size: "tickets",
    sql: `INSERT INTO streampay.support_tickets (customer_id, subject, status, created_at, agent_notes)
          SELECT $1::bigint, (ARRAY['Payout delayed','Card declined','How do I stop a stream?','Change my email','Invoice request'])[1 + g % 5] || ' #' || g,
                 (ARRAY['open','closed','closed'])[1 + g % 3], ${EPOCH} + g * interval '9 days',
                 'INTERNAL agent note: customer seemed ' || (ARRAY['calm','frustrated','confused'])[1 + g % 3]
            FROM generate_series(1, $2::int) g`,
  },
];

const MESSAGES = `INSERT INTO streampay.ticket_messages (ticket_id, author, body, sent_at)
  SELECT t.id, CASE WHEN m % 2 = 1 THEN 'customer' ELSE 'agent' END,
         CASE WHEN m % 2 = 1 THEN 'Hello, I have a question about ' || t.subject || ' (message ' || m || ').'
              ELSE 'Thanks for reaching out, we are looking into ' || t.subject || '.' END,
         t.created_at + m * interval '2 hours'
    FROM streampay.support_tickets t CROSS JOIN generate_series(1, $2::int) m
   WHERE t.customer_id = $1::bigint
   ORDER BY t.id, m`;

const PREFERENCES = `INSERT INTO streampay.user_preferences (customer_id, marketing_emails, product_updates, language, timezone, theme, updated_at)
  VALUES ($1::bigint, $1::bigint % 2 = 0, true, 'en', 'Europe/Dublin', 'dark', ${EPOCH} + interval '30 days')`;

export async function insertHistory(client: pg.Client, customerId: number, size: HistorySize): Promise<void> {
  for (const { size: key, sql } of STATEMENTS) {
    const count = size[key] as number;
    if (count > 0) await client.query(sql, [customerId, count]);
  }
  if (size.tickets > 0 && size.messagesPerTicket > 0)
    await client.query(MESSAGES, [customerId, size.messagesPerTicket]);
  if (size.preferences) await client.query(PREFERENCES, [customerId]);
}

/** A support ticket written out, rather than generated: e.g. one that names another customer. */
export type Conversation = {
  subject: string;
  /** ISO 8601; the messages follow an hour apart. */
  createdAt: string;
  messages: { author: "customer" | "agent"; body: string }[];
};

export async function insertConversation(client: pg.Client, customerId: number, conversation: Conversation) {
  await client.query(
    `WITH ticket AS (
       INSERT INTO streampay.support_tickets (customer_id, subject, status, created_at)
       VALUES ($1::bigint, $2, 'open', $3::timestamptz) RETURNING id, created_at)
     INSERT INTO streampay.ticket_messages (ticket_id, author, body, sent_at)
     SELECT ticket.id, m.author, m.body, ticket.created_at + m.n * interval '1 hour'
       FROM ticket, unnest($4::text[], $5::text[]) WITH ORDINALITY AS m(author, body, n)
      ORDER BY m.n`,
    [
      customerId,
      conversation.subject,
      conversation.createdAt,
      conversation.messages.map((message) => message.author),
      conversation.messages.map((message) => message.body),
    ],
  );
}

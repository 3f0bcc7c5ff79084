import Stripe from "stripe";
import type { CollectOptions, DataSource, DataSubject, ExportRecord, RecordCounting } from "../types";
import { fromUnix, inPages, toUnix } from "./pages";
import { DEFAULT_RETRY_POLICY, resilientFetch, type RetryPolicy } from "./resilient-fetch";
import { SourceIncompleteError } from "../source-errors";
import { serviceError, type ServiceIdentity } from "./service-response";

// The subject's customers in Stripe and what was billed to them: charges, invoices and
// subscriptions, read with the official `stripe` package and its auto-pagination, so every page is
// read. Cards appear only as brand and last four digits (what the customer sees on a receipt);
// fingerprints, BINs and expiry dates never leave.

export type StripeConfig = {
  secretKey: string;
  /** https://api.stripe.com, or a stand-in such as the local fake. */
  apiBase: string;
  retry?: RetryPolicy;
};

export type StripeSourceDeclaration = Omit<DataSource, "collect" | "fields" | "counting"> & {
  config: StripeConfig;
  /** Stripe customer ids the company stored for this subject, looked up besides the email. */
  storedCustomerIds?: (subject: DataSubject) => Promise<string[]>;
};

export const STRIPE_FIELDS = {
  kind: "What the record is: your customer record, a charge, an invoice or a subscription",
  stripe_id: "Stripe's reference for it",
  created_at: "When it was created",
  status: "Its status at Stripe, such as succeeded, paid or active",
  amount_cents: "The amount, in cents",
  currency: "The currency",
  description: "What it was for (for your customer record: the name and email Stripe holds)",
  card_brand: "For a charge: the brand of the card used",
  card_last4: "For a charge: the last four digits of the card used",
  period_start: "For an invoice or subscription: when the period began",
  period_end: "For an invoice or subscription: when the period ended or ends",
};

const STRIPE: ServiceIdentity = { service: "Stripe", credential: "API key", variable: "STRIPE_SECRET_KEY" };
/** Every list is paged with the stripe package's auto-pagination until Stripe says has_more: false. */
const COUNTING: RecordCounting = { method: "API_PAGES", service: "Stripe" };
const PAGE_LIMIT = 100; // the most Stripe lists return at once

export function stripeSource(declaration: StripeSourceDeclaration): DataSource {
  const { config, storedCustomerIds, ...metadata } = declaration;
  return {
    ...metadata,
    counting: COUNTING,
    fields: STRIPE_FIELDS,
    collect(subject: DataSubject, options: CollectOptions = {}) {
      const stripe = stripeClient(config);
      return inPages(
        translateErrors(stripeRecords(stripe, subject, options, storedCustomerIds)),
        options.pageSize ?? 1000,
      );
    },
  };
}

function stripeClient(config: StripeConfig): Stripe {
  const base = new URL(config.apiBase);
  const retry = config.retry ?? DEFAULT_RETRY_POLICY;
  return new Stripe(config.secretKey, {
    host: base.hostname,
    port: base.port || (base.protocol === "http:" ? 80 : 443),
    protocol: base.protocol === "http:" ? "http" : "https",
    // Our policy retries (with Retry-After) inside the fetch Stripe uses; its own retries are off.
    maxNetworkRetries: 0,
    httpClient: Stripe.createFetchHttpClient(resilientFetch("Stripe", retry)),
    timeout: retry.attempts * (retry.timeoutMs + retry.maxDelayMs),
    telemetry: false,
  });
}

async function* stripeRecords(
  stripe: Stripe,
  subject: DataSubject,
  options: CollectOptions,
  storedCustomerIds?: (subject: DataSubject) => Promise<string[]>,
): AsyncIterable<ExportRecord> {
  const created = { gte: toUnix(options.range?.from), lt: toUnix(options.range?.to) };
  for await (const customer of subjectCustomers(stripe, subject, storedCustomerIds)) {
    options.signal?.throwIfAborted();
    yield record("customer", customer.id, customer.created, {
      currency: customer.currency ?? null,
      description: [customer.name, customer.email].filter(Boolean).join(", "),
    });
    for await (const charge of stripe.charges.list({ customer: customer.id, created, limit: PAGE_LIMIT })) {
      const card = charge.payment_method_details?.card;
      yield record("charge", charge.id, charge.created, {
        status: charge.status,
        amount_cents: charge.amount,
        currency: charge.currency,
        description: charge.description,
        card_brand: card?.brand ?? null,
        card_last4: card?.last4 ?? null,
      });
    }
    for await (const invoice of stripe.invoices.list({ customer: customer.id, created, limit: PAGE_LIMIT })) {
      yield record("invoice", invoice.id ?? "", invoice.created, {
        status: invoice.status,
        amount_cents: invoice.total,
        currency: invoice.currency,
        description: invoice.number ? `Invoice ${invoice.number}` : "Invoice",
        period_start: fromUnix(invoice.period_start),
        period_end: fromUnix(invoice.period_end),
      });
    }
    for await (const subscription of stripe.subscriptions.list({
      customer: customer.id,
      status: "all",
      created,
      limit: PAGE_LIMIT,
    })) {
      yield record("subscription", subscription.id, subscription.created, {
        status: subscription.status,
        currency: subscription.currency,
        description: subscription.items.data.map((item) => item.price.nickname ?? item.price.id).join(", "),
        period_start: fromUnix(subscription.start_date),
        period_end: fromUnix(subscription.ended_at ?? subscription.cancel_at),
      });
    }
  }
}

/** Every live Stripe customer with the subject's email, and any the company stored an id for. */
async function* subjectCustomers(
  stripe: Stripe,
  subject: DataSubject,
  storedCustomerIds?: (subject: DataSubject) => Promise<string[]>,
) {
  const seen = new Set<string>();
  if (subject.email) {
    for await (const customer of stripe.customers.list({ email: subject.email, limit: PAGE_LIMIT })) {
      seen.add(customer.id);
      yield customer;
    }
  }
  for (const id of storedCustomerIds ? await storedCustomerIds(subject) : []) {
    if (seen.has(id)) continue;
    const customer = await stripe.customers.retrieve(id);
    // A customer deleted at Stripe answers { deleted: true }: nothing of theirs is left there.
    if (!("deleted" in customer && customer.deleted)) yield customer as Stripe.Customer;
  }
}

function record(
  kind: string,
  id: string,
  created: number,
  values: Partial<Record<keyof typeof STRIPE_FIELDS, unknown>>,
): ExportRecord {
  const empty = Object.fromEntries(Object.keys(STRIPE_FIELDS).map((field) => [field, null]));
  return { ...empty, kind, stripe_id: id, created_at: fromUnix(created), ...values };
}

/** Stripe's exceptions as errors staff can act on ("Stripe rejected the API key"). */
async function* translateErrors(records: AsyncIterable<ExportRecord>): AsyncIterable<ExportRecord> {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && error.statusCode)
      throw serviceError(STRIPE, error.statusCode, error.message);
    if (error instanceof Stripe.errors.StripeConnectionError && error.detail instanceof Error) {
      // A body the package could not read to its end (its HttpClientResponseBodyError, not
      // exported): the connection dropped part-way, so the page is not the whole answer.
      if (error.detail.constructor.name === "HttpClientResponseBodyError") {
        throw new SourceIncompleteError(
          `Stripe broke off its answer part-way (${error.detail.message}). Retry the source later.`,
        );
      }
      // Our fetch gave up after its retries: its error already says so plainly.
      throw error.detail;
    }
    throw error;
  }
}

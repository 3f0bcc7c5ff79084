import type { Env } from "@/lib/env";
import { analyticsSource } from "@/lib/sources/http/analytics-source";
import { intercomSource } from "@/lib/sources/http/intercom-source";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/lib/sources/http/resilient-fetch";
import { stripeSource } from "@/lib/sources/http/stripe-source";
import type { DataSource } from "@/lib/sources/types";

// StreamPay's processors that hold customer data (Art. 28), each on when its credentials are set.
// The Art. 15 texts are StreamPay's; the connectors (lib/sources/http/) fix what each exports.

function retryPolicy(config: Env): RetryPolicy {
  return {
    ...DEFAULT_RETRY_POLICY,
    attempts: config.SOURCE_HTTP_ATTEMPTS,
    timeoutMs: config.SOURCE_HTTP_TIMEOUT_SECONDS * 1000,
  };
}

function stripe(config: Env, secretKey: string, retry: RetryPolicy): DataSource {
  return stripeSource({
    key: "stripe",
    title: "Card payments (Stripe)",
    description:
      "What our payment processor Stripe holds about you: your customer record there, your card payments, " +
      "invoices and subscriptions. Cards are shown only by brand and last four digits.",
    categories: ["Financial data", "Transaction history", "Contact details"],
    purposes: ["Taking payment for the service", "Sending invoices", "Preventing payment fraud"],
    legalBasis: "Contract (Art. 6(1)(b) GDPR); legal obligation for accounting records (Art. 6(1)(c) GDPR)",
    recipients: ["Stripe Payments Europe Ltd (processor)", "Card networks and your card issuer, to make each payment"],
    transfers: [
      {
        recipient: "Stripe, Inc. (sub-processor)",
        country: "United States",
        safeguard: "ADEQUACY_DECISION",
        note:
          "EU-US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795); " +
          "standard contractual clauses as a fallback",
      },
    ],
    retention: "10 years after the payment, as tax law requires",
    origin: "You, when you paid; your card issuer, for the card details",
    config: { secretKey, apiBase: config.STRIPE_API_BASE, retry },
  });
}

function intercom(config: Env, accessToken: string, retry: RetryPolicy): DataSource {
  return intercomSource({
    key: "intercom",
    title: "Chat with our team (Intercom)",
    description:
      "Your contact record in the in-app chat we run on Intercom, the labels our team gave you, " +
      "and every chat conversation with each message in it.",
    categories: ["Communications", "Contact details"],
    purposes: ["Answering your questions", "Improving our support"],
    legalBasis: "Contract (Art. 6(1)(b) GDPR) and legitimate interests in improving our service (Art. 6(1)(f) GDPR)",
    recipients: ["Intercom R&D Unlimited Company (processor)"],
    transfers: [{ recipient: "Intercom, Inc. (sub-processor)", country: "United States", safeguard: "SCCS" }],
    retention: "3 years after the conversation ends",
    origin: "You and our support team wrote them; your contact details come from your account",
    config: { accessToken, apiBase: config.INTERCOM_API_BASE, retry },
  });
}

function analytics(config: Env, keys: { apiKey: string; projectId: string }, retry: RetryPolicy): DataSource {
  return analyticsSource({
    key: "analytics",
    title: "Product usage analytics",
    description:
      "The pages you viewed and the features you used in our app, with the browser and device, " +
      "as our product analytics service recorded them.",
    categories: ["Usage data", "Device and network data"],
    purposes: ["Understanding how the product is used", "Improving the product"],
    legalBasis: "Consent (Art. 6(1)(a) GDPR), given in our cookie and tracking settings",
    recipients: ["PostHog Inc. (processor)"],
    transfers: [{ recipient: "PostHog Inc. (processor)", country: "United States", safeguard: "SCCS" }],
    retention: "13 months",
    origin: "Recorded by our app while you used it",
    config: { ...keys, apiBase: config.ANALYTICS_API_BASE, retry },
  });
}

export function outsideServiceSources(config: Env): DataSource[] {
  const retry = retryPolicy(config);
  const sources: DataSource[] = [];
  if (config.STRIPE_SECRET_KEY) sources.push(stripe(config, config.STRIPE_SECRET_KEY, retry));
  if (config.INTERCOM_ACCESS_TOKEN) sources.push(intercom(config, config.INTERCOM_ACCESS_TOKEN, retry));
  if (config.ANALYTICS_API_KEY && config.ANALYTICS_PROJECT_ID) {
    const keys = { apiKey: config.ANALYTICS_API_KEY, projectId: config.ANALYTICS_PROJECT_ID };
    sources.push(analytics(config, keys, retry));
  }
  return sources;
}

import { outsideCustomers, seedTime } from "./outside-seed";
import { type FakeRequest, type FakeReply, startFakeServer } from "./http-fake";

// A local stand-in for the Stripe API (docs.stripe.com/api): bearer secret key, GET list
// endpoints answering { object: "list", data, has_more, url } newest first with starting_after
// cursors and `created[gte|lt]` filters, deleted customers answering { deleted: true }, and errors
// as { error: { type, message } }. Charges carry the card details Stripe really returns,
// fingerprint and expiry included, so a test sees that only brand and last4 leave.

type StripeObject = { id: string; object: string; created: number; customer?: string } & Record<string, unknown>;

function seed() {
  const customers: StripeObject[] = [];
  const deleted = new Set<string>();
  const charges: StripeObject[] = [];
  const invoices: StripeObject[] = [];
  const subscriptions: StripeObject[] = [];
  outsideCustomers().forEach((person, n) => {
    person.history.stripeCustomers.forEach((plan, k) => {
      const id = `cus_Q${person.externalId.slice(-4)}${k}`;
      customers.push({
        id,
        object: "customer",
        created: seedTime(n, k * 24),
        email: person.email,
        name: person.name,
        currency: "eur",
        address: { country: person.country },
        livemode: false,
        metadata: { portal_customer_id: person.externalId },
      });
      if (plan.deleted) deleted.add(id);
      for (let i = 0; i < plan.charges; i += 1) {
        charges.push({
          id: `ch_${id.slice(4)}${String(i).padStart(5, "0")}`,
          object: "charge",
          created: seedTime(n, 48 + i * 2 + k),
          customer: id,
          amount: 999 + (i % 7) * 100,
          currency: "eur",
          status: i % 25 === 24 ? "failed" : "succeeded",
          description: `StreamPay plan, month ${i + 1}`,
          payment_method_details: {
            type: "card",
            card: {
              brand: i % 2 ? "mastercard" : "visa",
              last4: String(4242 + k).slice(-4),
              exp_month: 12,
              exp_year: 2030,
              country: person.country,
              fingerprint: `fp_secret_${id}`,
              funding: "credit",
            },
          },
          billing_details: { email: person.email, name: person.name },
        });
      }
      for (let i = 0; i < plan.invoices; i += 1) {
        const start = seedTime(n, 720 * i + k);
        invoices.push({
          id: `in_${id.slice(4)}${String(i).padStart(4, "0")}`,
          object: "invoice",
          created: start,
          customer: id,
          number: `SP${n}${k}-${String(i + 1).padStart(4, "0")}`,
          status: "paid",
          total: 1999,
          amount_due: 1999,
          currency: "eur",
          period_start: start,
          period_end: start + 30 * 86400,
          customer_email: person.email,
        });
      }
      for (let i = 0; i < plan.subscriptions; i += 1) {
        subscriptions.push({
          id: `sub_${id.slice(4)}${i}`,
          object: "subscription",
          created: seedTime(n, 24 + i + k),
          customer: id,
          status: i === 0 && k === 0 ? "canceled" : "active",
          currency: "eur",
          start_date: seedTime(n, 24 + i + k),
          ended_at: i === 0 && k === 0 ? seedTime(n, 2000) : null,
          cancel_at: null,
          items: {
            object: "list",
            data: [
              {
                id: `si_${i}`,
                object: "subscription_item",
                price: {
                  id: `price_${i}`,
                  object: "price",
                  nickname: i === 0 ? "Pro monthly" : "Team add-on",
                  unit_amount: 1999,
                },
              },
            ],
          },
        });
      }
    });
  });
  return { customers, deleted, charges, invoices, subscriptions };
}

function list(path: string, items: StripeObject[], params: URLSearchParams): FakeReply {
  const newestFirst = [...items].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  const gte = params.get("created[gte]");
  const lt = params.get("created[lt]");
  const filtered = newestFirst.filter((o) => (!gte || o.created >= Number(gte)) && (!lt || o.created < Number(lt)));
  const limit = Math.min(Math.max(Number(params.get("limit") ?? 10), 1), 100);
  const after = params.get("starting_after");
  const start = after ? filtered.findIndex((o) => o.id === after) + 1 : 0;
  if (after && start === 0)
    return {
      status: 400,
      body: {
        error: { type: "invalid_request_error", message: `No such object: '${after}'`, param: "starting_after" },
      },
    };
  const data = filtered.slice(start, start + limit);
  return { status: 200, body: { object: "list", data, has_more: start + limit < filtered.length, url: path } };
}

export function startFakeStripe(options: { secretKey?: string; port?: number } = {}) {
  const data = seed();
  const byCustomer = (items: StripeObject[], params: URLSearchParams) =>
    items.filter((o) => o.customer === params.get("customer"));
  return startFakeServer(
    {
      errorBody: (status, token) => ({
        error:
          token === "unauthorized"
            ? { type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****" }
            : token === "rate_limited"
              ? {
                  type: "invalid_request_error",
                  code: "rate_limit",
                  message:
                    "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
                }
              : token === "not_found"
                ? { type: "invalid_request_error", message: "Unrecognized request URL." }
                : { type: "api_error", message: `An unknown error occurred (HTTP ${status}).` },
      }),
      route({ method, url }: FakeRequest) {
        if (method !== "GET") return undefined;
        const params = url.searchParams;
        const one = /^\/v1\/customers\/([^/]+)$/.exec(url.pathname);
        if (one) {
          const customer = data.customers.find((c) => c.id === one[1]);
          if (!customer)
            return {
              status: 404,
              body: {
                error: {
                  type: "invalid_request_error",
                  code: "resource_missing",
                  message: `No such customer: '${one[1]}'`,
                },
              },
            };
          return {
            status: 200,
            body: data.deleted.has(customer.id) ? { id: customer.id, object: "customer", deleted: true } : customer,
          };
        }
        switch (url.pathname) {
          case "/v1/customers": {
            const email = params.get("email");
            return list(
              url.pathname,
              data.customers.filter((c) => !data.deleted.has(c.id) && (!email || c.email === email)),
              params,
            );
          }
          case "/v1/charges":
            return list(url.pathname, byCustomer(data.charges, params), params);
          case "/v1/invoices":
            return list(url.pathname, byCustomer(data.invoices, params), params);
          case "/v1/subscriptions": {
            // Without status=all, Stripe leaves out canceled subscriptions.
            const all = params.get("status") === "all";
            return list(
              url.pathname,
              byCustomer(data.subscriptions, params).filter((s) => all || s.status !== "canceled"),
              params,
            );
          }
        }
        return undefined;
      },
    },
    { token: options.secretKey ?? "sk_test_fake_stripe_key", port: options.port },
  );
}

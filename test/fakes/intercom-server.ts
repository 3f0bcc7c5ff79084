import { randomUUID } from "node:crypto";
import { cursor, type FakeReply, type FakeRequest, startFakeServer } from "./http-fake";
import { outsideCustomers, seedTime } from "./outside-seed";

// A local stand-in for Intercom's REST API (developers.intercom.com, version 2.11): bearer access
// token; POST /contacts/search and /conversations/search with { query, pagination: { per_page,
// starting_after } } answering pages.next.starting_after while there is more; GET
// /contacts/{id}/tags and /conversations/{id} with every conversation part; errors as
// { type: "error.list", errors: [{ code, message }] }; 429 with X-RateLimit-* headers.

type Condition = { field?: string; operator: string; value: unknown };
type Contact = {
  type: "contact";
  id: string;
  external_id: string;
  email: string;
  name: string;
  role: "user";
  created_at: number;
  updated_at: number;
  tags: { type: "list"; data: { type: "tag"; id: string }[] };
};
type Conversation = Record<string, unknown> & {
  id: string;
  created_at: number;
  contacts: { type: string; contacts: { type: string; id: string; external_id: string }[] };
};

const TAGS: Record<string, string> = { VIP: "7001", "Beta tester": "7002", Newsletter: "7003" };

function seed() {
  const contacts: Contact[] = [];
  const conversations: Conversation[] = [];
  outsideCustomers().forEach((person, n) => {
    const { conversations: count, tags } = person.history;
    if (count === 0 && tags.length === 0) return;
    const id = `65f${String(n).padStart(3, "0")}c0ffee`;
    contacts.push({
      type: "contact",
      id,
      external_id: person.externalId,
      email: person.email,
      name: person.name,
      role: "user",
      created_at: seedTime(n, 0),
      updated_at: seedTime(n, 10),
      tags: { type: "list", data: tags.map((t) => ({ type: "tag", id: TAGS[t]! })) },
    });
    for (let i = 0; i < count; i += 1) {
      const created = seedTime(n, 100 + i * 24);
      const user = { type: "user", id, name: person.name, email: person.email };
      const admin = { type: "admin", id: "814", name: "Robin from StreamPay", email: "robin@streampay.example" };
      conversations.push({
        type: "conversation",
        id: `${n}${String(i).padStart(6, "0")}`,
        created_at: created,
        updated_at: created + 3600,
        title: `Question ${i + 1} about my streams`,
        state: i % 5 === 0 ? "open" : "closed",
        open: i % 5 === 0,
        contacts: { type: "contact.list", contacts: [{ type: "contact", id, external_id: person.externalId }] },
        source: {
          type: "conversation",
          id: `s${i}`,
          delivered_as: "customer_initiated",
          subject: "",
          body: `<p>Hi, I have a question about stream ${i + 1}.</p>`,
          author: user,
        },
        conversation_parts: {
          type: "conversation_part.list",
          total_count: 4,
          conversation_parts: [
            {
              type: "conversation_part",
              id: `p${i}a`,
              part_type: "comment",
              body: `Thanks for asking about stream ${i + 1}; here is how it works.`,
              created_at: created + 600,
              author: admin,
            },
            {
              type: "conversation_part",
              id: `p${i}b`,
              part_type: "note",
              body: `agent note: customer seems confused, watch account ${person.externalId}`,
              created_at: created + 700,
              author: admin,
            },
            {
              type: "conversation_part",
              id: `p${i}c`,
              part_type: "comment",
              body: "That helps, thank you.",
              created_at: created + 900,
              author: user,
            },
            {
              type: "conversation_part",
              id: `p${i}d`,
              part_type: "close",
              body: null,
              created_at: created + 1200,
              author: admin,
            },
          ],
        },
      });
    }
  });
  return { contacts, conversations };
}

function matches(item: Record<string, unknown>, condition: Condition): boolean {
  if (condition.operator === "AND") return (condition.value as Condition[]).every((c) => matches(item, c));
  if (condition.operator === "OR") return (condition.value as Condition[]).some((c) => matches(item, c));
  const actual =
    condition.field === "contact_ids"
      ? (item as Conversation).contacts.contacts.map((c) => c.id)
      : [item[condition.field ?? ""]];
  return actual.some((value) =>
    condition.operator === "="
      ? value === condition.value
      : condition.operator === ">"
        ? Number(value) > Number(condition.value)
        : condition.operator === "<"
          ? Number(value) < Number(condition.value)
          : false,
  );
}

function searchPage(
  items: Record<string, unknown>[],
  body: unknown,
  listKey: "data" | "conversations",
  listType: string,
): FakeReply {
  const { query, pagination } = (body ?? {}) as {
    query?: Condition;
    pagination?: { per_page?: number; starting_after?: string };
  };
  if (!query)
    return {
      status: 400,
      body: {
        type: "error.list",
        request_id: randomUUID(),
        errors: [{ code: "parameter_invalid", message: "query is required" }],
      },
    };
  const found = items.filter((item) => matches(item, query));
  const perPage = Math.min(pagination?.per_page ?? 50, 150);
  const start = cursor.decode(pagination?.starting_after);
  const end = start + perPage;
  const page = Math.floor(start / perPage) + 1;
  const pages = {
    type: "pages",
    page,
    per_page: perPage,
    total_pages: Math.max(1, Math.ceil(found.length / perPage)),
    ...(end < found.length ? { next: { page: page + 1, starting_after: cursor.encode(end) } } : {}),
  };
  const listed =
    listKey === "conversations"
      ? found.slice(start, end).map(({ conversation_parts: _parts, ...summary }) => summary)
      : found.slice(start, end);
  return { status: 200, body: { type: listType, [listKey]: listed, total_count: found.length, pages } };
}

export function startFakeIntercom(options: { accessToken?: string; port?: number } = {}) {
  const data = seed();
  return startFakeServer(
    {
      errorBody: (status, token) => ({
        type: "error.list",
        request_id: randomUUID(),
        errors: [
          token === "unauthorized"
            ? { code: "unauthorized", message: "Access Token Invalid" }
            : token === "rate_limited"
              ? { code: "rate_limit_exceeded", message: "Rate Limit Exceeded" }
              : token === "not_found"
                ? { code: "not_found", message: "Resource Not Found" }
                : { code: "server_error", message: `Server Error (HTTP ${status})` },
        ],
      }),
      partialPage({ status, body }) {
        const page = body as Record<string, unknown> & { total_count?: number; pages?: Record<string, unknown> };
        if (page.total_count === undefined) return undefined; // not a search page
        const listKey = "conversations" in page ? "conversations" : "data";
        const items = page[listKey] as unknown[];
        const { next: _next, ...pages } = page.pages ?? {};
        return { status, body: { ...page, [listKey]: items.slice(0, Math.floor(items.length / 2)), pages } };
      },
      rateLimitHeaders: (seconds) => ({
        "x-ratelimit-limit": "10000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + seconds),
      }),
      route({ method, url, body }: FakeRequest) {
        if (method === "POST" && url.pathname === "/contacts/search")
          return searchPage(data.contacts, body, "data", "list");
        if (method === "POST" && url.pathname === "/conversations/search")
          return searchPage(data.conversations, body, "conversations", "conversation.list");
        const tags = /^\/contacts\/([^/]+)\/tags$/.exec(url.pathname);
        if (method === "GET" && tags) {
          const contact = data.contacts.find((c) => c.id === tags[1]);
          const names = Object.fromEntries(Object.entries(TAGS).map(([name, id]) => [id, name]));
          return contact
            ? {
                status: 200,
                body: {
                  type: "list",
                  data: contact.tags.data.map((t) => ({ type: "tag", id: t.id, name: names[t.id] })),
                },
              }
            : undefined;
        }
        const one = /^\/conversations\/([^/]+)$/.exec(url.pathname);
        if (method === "GET" && one) {
          const conversation = data.conversations.find((c) => c.id === one[1]);
          return conversation ? { status: 200, body: conversation } : undefined;
        }
        return undefined;
      },
    },
    { token: options.accessToken ?? "fake_intercom_access_token", port: options.port },
  );
}

import type { CollectOptions, DataSource, DataSubject, ExportRecord, RecordCounting } from "../types";
import { fromUnix, inPages, toUnix } from "./pages";
import { DEFAULT_RETRY_POLICY, resilientFetch, type RetryPolicy } from "./resilient-fetch";
import { SourceIncompleteError } from "../source-errors";
import { readServiceJson, type ServiceIdentity } from "./service-response";

// The subject's Intercom contact, its tags, and every conversation with each of its parts, through
// Intercom's REST API (developers.intercom.com, API version 2.11): POST /contacts/search and
// /conversations/search with cursor pagination (pages.next.starting_after), then
// GET /conversations/{id} for the parts. Internal notes between the company's agents are not
// messages to or from the customer and stay out, as in the company's own support source.

export type IntercomConfig = {
  accessToken: string;
  /** https://api.intercom.io (or the EU/AU region host, or the local fake). */
  apiBase: string;
  retry?: RetryPolicy;
};

export type IntercomSourceDeclaration = Omit<DataSource, "collect" | "fields" | "counting"> & {
  config: IntercomConfig;
};

export const INTERCOM_FIELDS = {
  kind: "What the record is: your contact record or a conversation",
  intercom_id: "Intercom's reference for it",
  created_at: "When it was created",
  updated_at: "When it last changed",
  name: "Your name as Intercom holds it, or the conversation's title",
  email: "For your contact record: your email address",
  tags: "For your contact record: the labels our team gave you",
  state: "For a conversation: whether it is open, snoozed or closed",
  messages: "For a conversation: each message, who wrote it (you or our team), when, and what it said",
};

const INTERCOM: ServiceIdentity = {
  service: "Intercom",
  credential: "access token",
  variable: "INTERCOM_ACCESS_TOKEN",
};
/** Every search is followed to its last cursor, and its total_count checked against what was read. */
const COUNTING: RecordCounting = { method: "API_PAGES", service: "Intercom" };
const PER_PAGE = 50;

type Pages = { next?: { starting_after?: string | null } | null };
type Contact = { id: string; name: string | null; email: string | null; created_at: number; updated_at: number };
type Author = { type: string; name?: string | null };
type Part = { part_type: string; body: string | null; created_at: number; author: Author };
type Conversation = {
  id: string;
  title: string | null;
  state: string;
  created_at: number;
  updated_at: number;
  source?: { body: string | null; author: Author };
  conversation_parts?: { conversation_parts: Part[] };
};

export function intercomSource(declaration: IntercomSourceDeclaration): DataSource {
  const { config, ...metadata } = declaration;
  return {
    ...metadata,
    counting: COUNTING,
    fields: INTERCOM_FIELDS,
    // Art. 15(4): the messages are written freely and may name other people.
    freeTextFields: ["messages[].body"],
    collect(subject: DataSubject, options: CollectOptions = {}) {
      return inPages(intercomRecords(intercomApi(config, options.signal), subject, options), options.pageSize ?? 1000);
    },
  };
}

function intercomApi(config: IntercomConfig, signal?: AbortSignal) {
  const send = resilientFetch("Intercom", config.retry ?? DEFAULT_RETRY_POLICY);
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await send(new URL(path, config.apiBase), {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${config.accessToken}`,
        accept: "application/json",
        "content-type": "application/json",
        "intercom-version": "2.11",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    return readServiceJson<T>(INTERCOM, response);
  };
}

type IntercomApi = ReturnType<typeof intercomApi>;

/**
 * Every item of a search, following the cursor until Intercom says there is no next page, then
 * checking the items read against the search's own total_count: a search that stops short fails.
 */
async function* search<T>(
  api: IntercomApi,
  path: string,
  listKey: "data" | "conversations",
  query: unknown,
): AsyncIterable<T> {
  let startingAfter: string | undefined;
  let read = 0;
  let total: number | undefined;
  do {
    const page = await api<{ pages?: Pages; total_count?: number } & Record<string, unknown>>(path, {
      query,
      pagination: { per_page: PER_PAGE, ...(startingAfter ? { starting_after: startingAfter } : {}) },
    });
    const items = page[listKey];
    if (!Array.isArray(items)) {
      throw new SourceIncompleteError(`Intercom answered ${path} without its list of results. Retry the source later.`);
    }
    total ??= page.total_count;
    read += items.length;
    yield* items as T[];
    startingAfter = page.pages?.next?.starting_after ?? undefined;
  } while (startingAfter);
  if (total !== undefined && read < total) {
    throw new SourceIncompleteError(
      `Intercom listed ${read} of the ${total} results of ${path}, then stopped paging. Retry the source later.`,
    );
  }
}

async function* intercomRecords(
  api: IntercomApi,
  subject: DataSubject,
  options: CollectOptions,
): AsyncIterable<ExportRecord> {
  if (!subject.email) return;
  const contacts = search<Contact>(api, "/contacts/search", "data", {
    field: "email",
    operator: "=",
    value: subject.email,
  });
  for await (const contact of contacts) {
    const tags = await api<{ data: { name: string }[] }>(`/contacts/${encodeURIComponent(contact.id)}/tags`);
    yield {
      kind: "contact",
      intercom_id: contact.id,
      created_at: fromUnix(contact.created_at),
      updated_at: fromUnix(contact.updated_at),
      name: contact.name,
      email: contact.email,
      tags: tags.data.map((tag) => tag.name),
      state: null,
      messages: null,
    };
    for await (const found of search<Conversation>(
      api,
      "/conversations/search",
      "conversations",
      conversationQuery(contact.id, options),
    )) {
      options.signal?.throwIfAborted();
      const conversation = await api<Conversation>(
        `/conversations/${encodeURIComponent(found.id)}?display_as=plaintext`,
      );
      yield {
        kind: "conversation",
        intercom_id: conversation.id,
        created_at: fromUnix(conversation.created_at),
        updated_at: fromUnix(conversation.updated_at),
        name: conversation.title,
        email: null,
        tags: null,
        state: conversation.state,
        messages: messagesOf(conversation),
      };
    }
  }
}

function conversationQuery(contactId: string, options: CollectOptions) {
  const conditions: { field: string; operator: string; value: string | number }[] = [
    { field: "contact_ids", operator: "=", value: contactId },
  ];
  const from = toUnix(options.range?.from);
  const to = toUnix(options.range?.to);
  if (from !== undefined) conditions.push({ field: "created_at", operator: ">", value: from - 1 });
  if (to !== undefined) conditions.push({ field: "created_at", operator: "<", value: to });
  return conditions.length === 1 ? conditions[0] : { operator: "AND", value: conditions };
}

/** The opening message and every reply, oldest first; internal notes and empty events left out. */
function messagesOf(conversation: Conversation) {
  const parts: Part[] = [
    ...(conversation.source
      ? [
          {
            part_type: "comment",
            body: conversation.source.body,
            created_at: conversation.created_at,
            author: conversation.source.author,
          },
        ]
      : []),
    ...(conversation.conversation_parts?.conversation_parts ?? []),
  ];
  return parts
    .filter((part) => part.part_type !== "note" && part.body)
    .map((part) => ({
      author: part.author.type === "user" || part.author.type === "lead" ? "you" : "our team",
      sent_at: fromUnix(part.created_at),
      body: part.body,
    }));
}

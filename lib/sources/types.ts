// The contract every data source fulfils. A source is one place where the company keeps personal
// data; its declaration carries what GDPR Art. 15(1) obliges us to tell the data subject about it,
// and its allow-list is the only way a field can leave the company.

/** The person whose data is exported, as the company's systems know them. */
export type DataSubject = {
  /**
   * The subject's id in the company's systems, as its resolver (lib/companies/<name>/) finds it;
   * "" when none matched.
   */
  id: string;
  email: string;
};

export type ExportRecord = Record<string, unknown>;

export type CollectOptions = {
  /** Records per page; collectors never read more than this at once. */
  pageSize?: number;
  /** Optional date range the customer asked for; sources with no dates ignore it. */
  range?: { from?: Date; to?: Date };
  signal?: AbortSignal;
};

/**
 * Records already in their staged form (lib/export/staging.ts): `json` holds `records` NDJSON lines
 * and `csv`, when asked for, the same records' CSV rows.
 */
export type SerializedPage = { records: number; json: Buffer | string; csv?: Buffer | string };

export type SerializeOptions = Omit<CollectOptions, "pageSize"> & { csv: boolean };

/**
 * The safeguard a transfer outside the EEA rests on (Chapter V GDPR): an adequacy decision
 * (Art. 45, e.g. the EU-US Data Privacy Framework), standard contractual clauses (Art. 46(2)(c)),
 * binding corporate rules (Art. 47), or one of Art. 49's derogations (e.g. explicit consent).
 */
export const TRANSFER_SAFEGUARDS = ["ADEQUACY_DECISION", "SCCS", "BCRS", "DEROGATION"] as const;
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];

/** One recipient outside the EEA; Art. 15(2) entitles the data subject to know it and its safeguard. */
export type DataTransfer = {
  recipient: string;
  /** Where the recipient processes the data: "United States". */
  country: string;
  safeguard: TransferSafeguard;
  /** Optional precision for staff and the customer: "EU-US Data Privacy Framework; SCCs as a fallback". */
  note?: string;
};

/**
 * How a source's record count is obtained, which is why a DONE source's count is the whole answer:
 * the source's own database counted the rows it returned, or every page of a service's API was
 * read to its end (a page cut short or a timeout fails the source instead). Set by the kind of
 * source (sqlSource, the connectors in lib/sources/http), not by each declaration.
 */
export type RecordCounting = { method: "DATABASE_ROWS" } | { method: "API_PAGES"; service: string };

export type DataSource = {
  key: string; // stable, lowercase, used in file names: data/<key>.json
  title: string;
  /** Plain language: what this is and why we have it. */
  description: string;
  categories: string[]; // Art. 15(1)(b)
  purposes: string[]; // Art. 15(1)(a)
  legalBasis: string; // Art. 6(1)
  recipients: string[]; // Art. 15(1)(c)
  retention: string; // Art. 15(1)(d)
  origin: string; // Art. 15(1)(g)
  /** Art. 15(2): every recipient outside the EEA with its safeguard; [] declares there is none. */
  transfers: DataTransfer[];
  counting: RecordCounting;
  /** The allow-list and data dictionary: exported field → what it means. Nothing else leaves. */
  fields: Record<string, string>;
  /**
   * Art. 15(4) GDPR: the exported fields whose text people write freely (messages, notes), which
   * may name other people. Each entry is a field of `fields`, or a path into a field holding a
   * JSON array of objects ("messages[].body"). Other people's email addresses, phone numbers and
   * names of other customers found there hold the request for a reviewer (lib/disclosure).
   * Omitted: the source holds no free text.
   */
  freeTextFields?: readonly string[];
  /** Pages of the subject's records with keyset pagination, in a stable order. */
  collect(subject: DataSubject, options?: CollectOptions): AsyncIterable<ExportRecord[]>;
  /**
   * Optional: the same records serialised by the source's own database, in the bytes the export
   * would write for them (sqlSource provides it; a jsonb value is written as PostgreSQL prints
   * it). Resolves to undefined when it cannot for this source; `collect`'s records are then
   * serialised instead.
   */
  serialize?(subject: DataSubject, options: SerializeOptions): Promise<AsyncIterable<SerializedPage> | undefined>;
};

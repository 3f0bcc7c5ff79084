import type { DataSource } from "./types";

// What a company plugs into the portal: how its customers are found, and where their personal
// data lives. Core code (lib/requests, lib/sources, lib/export) only ever talks to this contract,
// so a company is configured in its own folder (lib/companies/<name>/) without touching core.
// docs/sources.md walks through writing one.

/** One customer record that matches an email, as a reviewer sees it when choosing between several. */
export type SubjectMatch = {
  /** The record's id in the company's systems; what the sources receive as the subject id. */
  id: string;
  /** A name a reviewer recognises ("Alex Morgan"); never a secret. */
  displayName: string;
  /** When the customer relationship began, to tell two records of one person apart. */
  customerSince: Date | null;
};

export type SubjectResolver = {
  /** The live customer records whose email is `email` (case-insensitive). Erased records never match. */
  findByEmail(email: string): Promise<SubjectMatch[]>;
  /**
   * Whether the record with this id was erased under Art. 17 GDPR. Nothing is exported for an
   * erased subject again, from any source, even a service the erasure has not reached yet.
   */
  isErased(id: string): Promise<boolean>;
  /**
   * Optional, for Art. 15(4) GDPR (lib/disclosure): which of `names` ("Casey Kim") are the full
   * name of a live customer other than `exceptSubjectId`, compared in any case and with or without
   * accents (both sides folded as lib/disclosure/names.ts's foldName: "jurgen muller" is
   * "Jürgen Müller"). Returns the names as given. Without it, names in free text are not
   * checked, only emails and phones.
   */
  findOtherCustomersNamed?(names: readonly string[], exceptSubjectId: string): Promise<string[]>;
  /**
   * Optional: the subject's own email addresses and phone numbers, which are never another
   * person's data, and their country (ISO 3166-1 alpha-2), whose national phone format is then
   * recognised in their free text too.
   */
  contactDetailsOf?(id: string): Promise<{ emails: string[]; phones: string[]; country?: string }>;
};

export type Company = {
  /** Stable, lowercase: "streampay". */
  key: string;
  resolver: SubjectResolver;
  /**
   * Every source, in the order the form, the progress list and the archive show them. A function
   * so that outside services appear exactly when their credentials are configured.
   */
  sources(): readonly DataSource[];
};

import { z } from "zod";
import { MANDATE_MAX_BYTES, MANDATE_RELATIONSHIPS } from "@/lib/mandates/mandate-fields";
import { listSources } from "@/lib/sources/registry";
import { emailAddress, plainText } from "./text";

// One schema for a new request, shared by the form's server action and POST /api/v1/exports.
// Messages are keys in messages/<locale>.json, translated where they are shown (lib/i18n/localize-errors.ts).

const DAY = 24 * 60 * 60 * 1000;

// Read when a request is parsed: outside services join the list when their credentials are set.
const sourceKeys = () => new Set(listSources().map((source) => source.key));

// Dates a person can mean: none before the Unix epoch (no source holds older data) and none
// after tomorrow (time zones). JavaScript dates reach ±275 760 years, which PostgreSQL refuses.
const EARLIEST = Date.UTC(1970, 0, 1);
const latest = () => Date.now() + DAY;

const optionalDate = z
  .union(
    [
      z.literal("").transform(() => undefined),
      z.null().transform(() => undefined),
      plainText("errors.dateInvalid")
        .max(40, "errors.dateInvalid")
        .pipe(z.coerce.date({ message: "errors.dateInvalid" })),
    ],
    { message: "errors.dateInvalid" },
  )
  .optional()
  .refine((date) => date === undefined || !Number.isNaN(date.getTime()), "errors.dateInvalid")
  .refine((date) => date === undefined || date.getTime() >= EARLIEST, "errors.dateTooEarly")
  .refine((date) => date === undefined || date.getTime() <= latest(), "errors.dateFuture");

export const newPrivacyRequestSchema = z
  .object({
    type: z.enum(["ACCESS", "PORTABILITY"], { message: "errors.typeRequired" }),
    sourceKeys: z
      .array(z.string().max(64), { message: "errors.sourcesList" })
      .max(64)
      .default([])
      .refine((keys) => keys.every((key) => sourceKeys().has(key)), { message: "errors.sourceUnknown" })
      // Every source chosen is the same as none chosen: all of them.
      .transform((keys) => (new Set(keys).size === sourceKeys().size ? [] : [...new Set(keys)])),
    formats: z
      .array(z.enum(["JSON", "CSV"], { message: "errors.formatUnknown" }))
      .min(1, "errors.formatRequired")
      .default(["JSON", "CSV"])
      .transform((formats) => [...new Set(formats)]),
    rangeFrom: optionalDate,
    rangeTo: optionalDate,
  })
  .refine((r) => !r.rangeFrom || !r.rangeTo || r.rangeFrom <= r.rangeTo, {
    message: "errors.rangeOrder",
    path: ["rangeTo"],
  })
  .transform((r) => ({
    ...r,
    // An end date means "up to and including that day".
    rangeTo: r.rangeTo ? new Date(r.rangeTo.getTime() + DAY) : undefined,
  }));

export type NewPrivacyRequest = z.output<typeof newPrivacyRequestSchema>;

// ------------------------------------------------------------------------------------------------
// Asking for someone else (GDPR recital 63, Art. 12(6); lib/requests/create-agent-request.ts).

/** The upload's size is checked here too (before its bytes are read); its type only by its bytes (lib/mandates). */
const mandateFile = z
  .instanceof(File, { message: "errors.mandateMissing" })
  .refine((file) => file.size > 0, "errors.mandateMissing")
  .refine((file) => file.size <= MANDATE_MAX_BYTES, "errors.mandateTooLarge");

/** Who the request is for and on what mandate: the fields "I am asking for someone else" adds. */
export const agentMandateSchema = z.object({
  subjectEmail: emailAddress("errors.subjectEmailRequired"),
  relationship: z.enum(MANDATE_RELATIONSHIPS, { message: "errors.relationshipRequired" }),
  mandate: mandateFile,
});

export type AgentMandateInput = z.output<typeof agentMandateSchema>;

/**
 * The request form's fields: the request, and what the API does not need, the person's
 * confirmation; when they tick "I am asking for someone else" (onBehalf=yes) the mandate's fields
 * as well, and the confirmation says they are authorised.
 */
export const requestFormInput = newPrivacyRequestSchema.and(
  z.discriminatedUnion("onBehalf", [
    z.object({ onBehalf: z.literal("no"), confirm: z.literal("yes", { message: "errors.confirmRequired" }) }),
    agentMandateSchema.extend({
      onBehalf: z.literal("yes"),
      confirm: z.literal("yes", { message: "errors.confirmAgentRequired" }),
    }),
  ]),
);

/** The objection page's one field: the signed token from the data subject's email. */
export const objectionSchema = z.object({
  token: plainText("errors.checkForm").min(1, "errors.checkForm").max(512, "errors.checkForm"),
});

import { z } from "zod";
import { listSources } from "@/lib/sources/registry";
import { plainText } from "./text";

// One schema for a new request, shared by the form's server action and POST /api/v1/exports.

const DAY = 24 * 60 * 60 * 1000;

// Read when a request is parsed: outside services join the list when their credentials are set.
const sourceKeys = () => new Set(listSources().map((source) => source.key));

// Dates a person can mean: none before the Unix epoch (no source holds older data) and none
// after tomorrow (time zones). JavaScript dates reach ±275 760 years, which PostgreSQL refuses.
const EARLIEST = Date.UTC(1970, 0, 1);
const latest = () => Date.now() + DAY;

const optionalDate = z
  .union([
    z.literal("").transform(() => undefined),
    z.null().transform(() => undefined),
    plainText("Enter a valid date.").max(40, "Enter a valid date.").pipe(z.coerce.date({ message: "Enter a valid date." })),
  ], { message: "Enter a valid date." })
  .optional()
  .refine((date) => date === undefined || !Number.isNaN(date.getTime()), "Enter a valid date.")
  .refine((date) => date === undefined || date.getTime() >= EARLIEST, "Enter a date in 1970 or later.")
  .refine((date) => date === undefined || date.getTime() <= latest(), "Dates cannot be in the future.");

export const newPrivacyRequestSchema = z
  .object({
    type: z.enum(["ACCESS", "PORTABILITY"], { message: "Choose what you would like: a copy, or a portable copy." }),
    sourceKeys: z
      .array(z.string().max(64), { message: "Choose the categories as a list." })
      .max(64)
      .default([])
      .refine((keys) => keys.every((key) => sourceKeys().has(key)), { message: "One of the chosen categories does not exist." })
      // Every source chosen is the same as none chosen: all of them.
      .transform((keys) => (new Set(keys).size === sourceKeys().size ? [] : [...new Set(keys)])),
    formats: z
      .array(z.enum(["JSON", "CSV"], { message: "Formats are JSON and CSV." }))
      .min(1, "Choose at least one file format.")
      .default(["JSON", "CSV"])
      .transform((formats) => [...new Set(formats)]),
    rangeFrom: optionalDate,
    rangeTo: optionalDate,
  })
  .refine((r) => !r.rangeFrom || !r.rangeTo || r.rangeFrom <= r.rangeTo, {
    message: "The start date must be on or before the end date.",
    path: ["rangeTo"],
  })
  .transform((r) => ({
    ...r,
    // An end date means "up to and including that day".
    rangeTo: r.rangeTo ? new Date(r.rangeTo.getTime() + DAY) : undefined,
  }));

export type NewPrivacyRequest = z.output<typeof newPrivacyRequestSchema>;

/** The form adds one thing the API does not need: the person's confirmation. */
export const privacyRequestFormSchema = z.object({
  confirm: z.literal("yes", { message: "Please confirm that you are asking for your own data." }),
});

/** The request form's fields: the request itself and the confirmation. */
export const privacyRequestFormInput = newPrivacyRequestSchema.and(privacyRequestFormSchema);

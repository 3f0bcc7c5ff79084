import { z } from "zod";
import { isAvailableLocale } from "@/lib/i18n/catalog";

/** The language switcher's choice: one of the languages with a message file. */
export const localeChoiceSchema = z.object({
  locale: z.string().max(16).refine(isAvailableLocale, "errors.checkForm"),
});

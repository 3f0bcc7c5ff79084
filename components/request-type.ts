import type { RequestType } from "@/lib/generated/prisma/enums";

export const REQUEST_TYPES: Record<RequestType, { title: string; article: string; summary: string }> = {
  ACCESS: {
    title: "A copy of your data",
    article: "Article 15 GDPR, right of access",
    summary: "Everything we hold about you, with a readable report of why we have it, who we share it with and how long we keep it.",
  },
  PORTABILITY: {
    title: "A portable copy of your data",
    article: "Article 20 GDPR, right to data portability",
    summary: "The data you gave us, in machine-readable JSON and CSV files that another service can import.",
  },
};

import type { RequestStatus } from "@/lib/generated/prisma/enums";

// What each status means to the customer, in plain words.
export const STATUS_TEXT: Record<RequestStatus, { label: string; detail: string }> = {
  SUBMITTED: { label: "Received", detail: "We have your request." },
  IDENTITY_REVIEW: { label: "Checking it is you", detail: "Our privacy team is confirming that this account belongs to you. This usually takes less than a working day." },
  APPROVED: { label: "Approved", detail: "Your request is approved. We are about to collect your data." },
  COLLECTING: { label: "Collecting your data", detail: "We are gathering your data from each of our systems." },
  PACKAGING: { label: "Preparing your download", detail: "We are putting your files and the report together." },
  READY: { label: "Ready to download", detail: "Your data is ready. We also sent you an email with the link." },
  EXPIRED: { label: "Deleted", detail: "The copy was deleted after 7 days, as we promised. You can ask for a fresh one." },
  REJECTED: { label: "Not approved", detail: "We could not confirm that this account belongs to the person in our records." },
  CANCELLED: { label: "Cancelled", detail: "You cancelled this request. Nothing was collected." },
  FAILED: { label: "Taking longer", detail: "Part of your data could not be collected automatically. Our team is finishing it by hand; you do not need to do anything." },
};

/** The steps every request goes through, and how far along a status is. */
export const TIMELINE = ["SUBMITTED", "IDENTITY_REVIEW", "COLLECTING", "PACKAGING", "READY"] as const;

export function timelinePosition(status: RequestStatus): number {
  switch (status) {
    case "SUBMITTED":
      return 0;
    case "IDENTITY_REVIEW":
      return 1;
    case "APPROVED":
    case "COLLECTING":
    case "FAILED":
      return 2;
    case "PACKAGING":
      return 3;
    default:
      return 4;
  }
}

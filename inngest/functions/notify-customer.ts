import { sendSubjectInformedEmail } from "@/lib/mandates/notify-subject";
import { sendRequestReceivedEmail } from "@/lib/requests/notify-customer";
import {
  sendDeadlineExtendedEmail,
  sendRequestCancelledEmail,
  sendRequestRejectedEmail,
} from "@/lib/requests/notify-staff-decision";
import { observeRequestStep } from "@/lib/requests/observed-step";
import { inngest } from "../client";
import { customerNoticeRequested, type CustomerNotice } from "@/lib/events/definitions";

const SENDERS: Record<CustomerNotice, (requestId: string) => Promise<{ emailId: string }>> = {
  received: sendRequestReceivedEmail,
  rejected: sendRequestRejectedEmail,
  extended: sendDeadlineExtendedEmail,
  cancelled: sendRequestCancelledEmail,
  "subject-informed": sendSubjectInformedEmail,
};

/** privacy/customer.notice → the email a change in the request owes its customer. */
export const notifyCustomer = inngest.createFunction(
  { id: "notify-customer", retries: 5, triggers: [customerNoticeRequested] },
  async ({ event, step, runId }) => {
    const { requestId, notice } = event.data;
    const id = `send-${notice}-email`;
    return step.run(id, () => observeRequestStep({ runId, requestId }, id, () => SENDERS[notice](requestId)));
  },
);

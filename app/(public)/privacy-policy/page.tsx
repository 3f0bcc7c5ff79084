import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Privacy policy" };

export default function PrivacyPolicyPage() {
  const company = env().COMPANY_NAME;
  return (
    <article className="prose max-w-2xl space-y-6 text-zinc-800">
      <h1 className="text-3xl font-semibold tracking-tight">Privacy policy</h1>
      <p>
        {company} processes personal data to run its streaming-payments service: your account, the payment streams you
        send, payouts, billing, support conversations and how you use the product.
      </p>
      <section aria-labelledby="your-rights" className="space-y-3">
        <h2 id="your-rights" className="text-xl font-semibold">
          Your rights
        </h2>
        <p>
          Under the GDPR you may ask us for a copy of your personal data and information about how we use it (Article
          15), and for your data in a machine-readable format you can take to another service (Article 20). We answer
          within one month.
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <Link className="font-medium text-brand-700 underline" href="/privacy-center/request?type=access">
              Request a copy of your data
            </Link>{" "}
            (right of access)
          </li>
          <li>
            <Link className="font-medium text-brand-700 underline" href="/privacy-center/request?type=portability">
              Request your data in a portable format
            </Link>{" "}
            (right to data portability)
          </li>
        </ul>
      </section>
      <section aria-labelledby="contact" className="space-y-3">
        <h2 id="contact" className="text-xl font-semibold">
          Contact
        </h2>
        <p>Questions about your data go to our data protection officer at dpo@streampay.example.</p>
      </section>
    </article>
  );
}

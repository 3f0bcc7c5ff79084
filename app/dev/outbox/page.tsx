import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listDemoOutbox } from "@/lib/dal/outbox";

const EMAIL_TEXT = "mt-3 whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 font-sans text-sm text-zinc-800";

export const metadata: Metadata = { title: "Email outbox" };

const LINK = /https?:\/\/[^\s<>"')\]]+/g;

export default async function OutboxPage({ searchParams }: PageProps<"/dev/outbox">) {
  const { to } = await searchParams;
  const emails = await listDemoOutbox(typeof to === "string" ? to : undefined);
  return (
    <div>
      <PageHeader
        title="Email outbox"
        description={
          "Demo mode keeps every email here instead of sending it. " +
          "The newest is first; links open as they would from an inbox."
        }
      />
      {emails.length === 0 ? (
        <Card>
          <p className="text-zinc-600">No email yet. Ask for a sign-in link and it appears here.</p>
        </Card>
      ) : (
        <ol className="space-y-4">
          {emails.map((email) => (
            <li key={email.id}>
              <Card aria-label={`Email to ${email.to}: ${email.subject}`} data-testid="outbox-email">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">{email.subject}</h2>
                  <time className="text-sm text-zinc-500" dateTime={email.createdAt.toISOString()}>
                    {email.createdAt.toLocaleString("en-GB", { timeZone: "UTC" })} UTC
                  </time>
                </div>
                <p className="text-sm text-zinc-600">
                  To <span data-testid="outbox-to">{email.to}</span> · from {email.from}
                </p>
                <pre className={EMAIL_TEXT}>{email.text}</pre>
                <ul className="mt-3 flex flex-wrap gap-3">
                  {[...new Set(email.text.match(LINK) ?? [])].map((href) => (
                    <li key={href}>
                      <a href={href} className="text-sm font-medium text-brand-700 underline" data-testid="outbox-link">
                        Open link: {new URL(href).pathname}
                      </a>
                    </li>
                  ))}
                </ul>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

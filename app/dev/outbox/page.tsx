import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listDemoOutbox } from "@/lib/dal/outbox";

// The page's own words follow the reader's language; each email is shown as it was sent.

const EMAIL_TEXT = "mt-3 whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 font-sans text-sm text-zinc-800";

const LINK = /https?:\/\/[^\s<>"')\]]+/g;

type OutboxEmail = Awaited<ReturnType<typeof listDemoOutbox>>[number];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

async function OutboxEmailCard({ email }: { email: OutboxEmail }) {
  const [t, format] = await Promise.all([getTranslations("outbox"), getFormatter()]);
  return (
    <Card aria-label={t("emailLabel", { recipient: email.to, subject: email.subject })} data-testid="outbox-email">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{email.subject}</h2>
        <time className="text-sm text-zinc-500" dateTime={email.createdAt.toISOString()}>
          {t("sentAt", { dateTime: format.dateTime(email.createdAt, "longWithTime") })}
        </time>
      </div>
      <p className="text-sm text-zinc-600">
        {t.rich("addressed", {
          recipient: email.to,
          sender: email.from,
          to: (chunks) => <span data-testid="outbox-to">{chunks}</span>,
        })}
      </p>
      <pre className={EMAIL_TEXT}>{email.text}</pre>
      <ul className="mt-3 flex flex-wrap gap-3">
        {[...new Set(email.text.match(LINK) ?? [])].map((href) => (
          <li key={href}>
            <a href={href} className="text-sm font-medium text-brand-700 underline" data-testid="outbox-link">
              {t("openLink", { path: new URL(href).pathname })}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function OutboxPage({ searchParams }: PageProps<"/dev/outbox">) {
  const { to } = await searchParams;
  const emails = await listDemoOutbox(typeof to === "string" ? to : undefined);
  const t = await getTranslations("outbox");
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      {emails.length === 0 ? (
        <Card>
          <p className="text-zinc-600">{t("empty")}</p>
        </Card>
      ) : (
        <ol className="space-y-4">
          {emails.map((email) => (
            <li key={email.id}>
              <OutboxEmailCard email={email} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

import { describe, expect, it } from "vitest";
import { renderDataReadyEmail } from "./data-ready-email";
import { renderDeadlineExtendedEmail } from "./deadline-extended-email";
import { renderRequestCancelledEmail } from "./request-cancelled-email";
import { renderRequestDelayedEmail } from "./request-delayed-email";
import { renderRequestReceivedEmail } from "./request-received-email";
import { renderRequestRejectedEmail } from "./request-rejected-email";
import { renderSignInEmail } from "./sign-in-email";
import { renderSubjectInformedEmail } from "./subject-informed-email";

/** Every email the requester gets about their request, for a request made on behalf of `onBehalfOf`. */
async function requesterEmails(locale: string, onBehalfOf: string) {
  const common = {
    companyName: "StreamPay",
    reference: "DSR-2026-000125",
    statusUrl: "http://x.test/s",
    locale,
    onBehalfOf,
  };
  const staffDecision = { ...common, reason: "The mandate is not signed.", contactEmail: "privacy@streampay.example" };
  return {
    received: await renderRequestReceivedEmail({ ...common, type: "ACCESS", dueAt: new Date("2026-12-23T00:00:00Z") }),
    ready: await renderDataReadyEmail({
      ...common,
      downloadUrl: "http://x.test/d",
      expiresAt: new Date("2026-12-01T10:00:00Z"),
    }),
    delayed: await renderRequestDelayedEmail(common),
    rejected: await renderRequestRejectedEmail({
      ...staffDecision,
      authority: { name: "BfDI", url: "https://www.bfdi.bund.de" },
    }),
    extended: await renderDeadlineExtendedEmail({ ...staffDecision, extendedDueAt: new Date("2027-02-23T00:00:00Z") }),
    cancelled: await renderRequestCancelledEmail(staffDecision),
  };
}

describe("email templates", () => {
  it("puts the sign-in link in both the HTML and the plain-text part", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?token=abc&email=alex%40example.com";
    const email = await renderSignInEmail({ url, companyName: "StreamPay", expiresInMinutes: 15, locale: "en" });
    expect(email.subject).toBe("Sign in to the StreamPay Privacy Center");
    expect(email.html).toContain(url.replaceAll("&", "&amp;"));
    expect(email.text).toContain(url);
    expect(email.text).toContain("expires in 15 minutes");
  });

  it("shows the logo from the portal's absolute address (a mail client has no base URL)", async () => {
    const email = await renderSignInEmail({
      url: "http://x.test/s",
      companyName: "StreamPay",
      expiresInMinutes: 15,
      locale: "en",
    });
    expect(email.html).toMatch(/<img[^>]+alt="StreamPay"[^>]+src="https?:\/\/[^"]+\/logo-email\.png"/);
  });

  it("tells the customer until when the download works", async () => {
    const email = await renderDataReadyEmail({
      companyName: "StreamPay",
      reference: "DSR-2026-000123",
      downloadUrl: "http://localhost:3000/privacy-center/requests/r1/download?token=t",
      expiresAt: new Date("2026-12-01T10:00:00Z"),
      locale: "en",
    });
    expect(email.subject).toContain("DSR-2026-000123");
    expect(email.text).toContain("until December 1, 2026");
    expect(email.text).toContain("/privacy-center/requests/r1/download?token=t");
  });

  it("names what the customer asked for in the received email, nouns capitalised as German writes them", async () => {
    const received = (locale: string, type: "ACCESS" | "PORTABILITY") =>
      renderRequestReceivedEmail({
        companyName: "StreamPay",
        reference: "DSR-2026-000123",
        type,
        dueAt: new Date("2026-12-23T00:00:00Z"),
        statusUrl: "http://x.test/s",
        locale,
      });
    expect((await received("en", "ACCESS")).text).toContain("Your request for a copy of your data has the reference");
    expect((await received("en", "PORTABILITY")).text).toContain("Your request for a portable copy of your data has");
    expect((await received("de", "ACCESS")).text).toContain("Ihre Anfrage nach einer Kopie Ihrer Daten hat das");
    expect((await received("de", "PORTABILITY")).text).toContain(
      "Ihre Anfrage nach einer übertragbaren Kopie Ihrer Daten",
    );
  });

  it("writes every customer email in German for a customer who asked in German", async () => {
    const common = { companyName: "StreamPay", reference: "DSR-2026-000123", locale: "de" };
    const ready = await renderDataReadyEmail({
      ...common,
      downloadUrl: "http://x.test/d",
      expiresAt: new Date("2026-12-01T10:00:00Z"),
    });
    expect(ready.subject).toBe("Ihre Daten stehen zum Herunterladen bereit (DSR-2026-000123)");
    expect(ready.text).toContain("bis 1. Dezember 2026 verfügbar");
    expect(ready.html).toContain('lang="de"');
    expect(ready.html).toContain("<strong>DSR-2026-000123</strong>");
    const received = await renderRequestReceivedEmail({
      ...common,
      type: "ACCESS",
      dueAt: new Date("2026-12-23T00:00:00Z"),
      statusUrl: "http://x.test/s",
    });
    expect(received.subject).toBe("Wir haben Ihre Datenschutzanfrage DSR-2026-000123 erhalten");
    expect(received.text).toContain("bis 23. Dezember 2026");
    const delayed = await renderRequestDelayedEmail({ ...common, statusUrl: "http://x.test/s" });
    expect(delayed.text).toContain("Unser Datenschutzteam ist informiert");
    const signIn = await renderSignInEmail({
      url: "http://x.test/l",
      companyName: "StreamPay",
      expiresInMinutes: 15,
      locale: "de",
    });
    expect(signIn.text).toContain("läuft in 15 Minuten ab");
    for (const email of [ready, received, delayed, signIn]) expect(email.text).toContain("Sie erhalten diese E-Mail");
  });

  it("gives a rejection without a reviewer's reason the standard one, in the reader's language", async () => {
    const rejected = (locale: string) =>
      renderRequestRejectedEmail({
        companyName: "StreamPay",
        reference: "DSR-2026-000125",
        contactEmail: "privacy@streampay.example",
        authority: { name: "BfDI", url: "https://www.bfdi.bund.de" },
        statusUrl: "http://x.test/s",
        locale,
      });
    expect((await rejected("en")).text).toContain("Our reason: We could not match this account to our records.");
    expect((await rejected("de")).text).toContain(
      "Unser Grund: Wir konnten dieses Konto keinem Eintrag in unseren Unterlagen zuordnen.",
    );
  });

  it("gives a cancellation without staff's reason the standard one, in the reader's language", async () => {
    const cancelled = (locale: string) =>
      renderRequestCancelledEmail({
        companyName: "StreamPay",
        reference: "DSR-2026-000126",
        contactEmail: "privacy@streampay.example",
        statusUrl: "http://x.test/s",
        locale,
      });
    expect((await cancelled("en")).text).toContain("The reason: Our privacy team closed it.");
    expect((await cancelled("de")).text).toContain("Der Grund: Unser Datenschutzteam hat sie geschlossen.");
  });

  it("tells the data subject who asked for their data, as what, and how to object, in English and German", async () => {
    const common = {
      companyName: "StreamPay",
      reference: "DSR-2026-000124",
      agentEmail: "counsel@lawfirm.example",
      subjectEmail: "casey@example.com",
      relationship: "LAWYER" as const,
      objectUrl: "http://x.test/privacy-center/object?token=abc.def",
      objectBy: new Date("2027-01-01T10:00:00Z"),
    };
    const en = await renderSubjectInformedEmail({ ...common, locale: "en" });
    expect(en.subject).toBe("Someone asked StreamPay for a copy of your data (DSR-2026-000124)");
    expect(en.text).toContain(
      "counsel@lawfirm.example asked StreamPay for a copy of the personal data we hold about casey@example.com",
    );
    expect(en.text).toContain("saying they are your lawyer");
    expect(en.text).toContain("before January 1, 2027");
    expect(en.text).toContain("/privacy-center/object?token=abc.def");
    // Not the usual footer: "if that was not you, ignore it" would undercut the objection.
    expect(en.text).toContain("because someone asked us for the personal data we hold about this address");
    expect(en.text).not.toContain("you can ignore it");
    const de = await renderSubjectInformedEmail({ ...common, locale: "de" });
    expect(de.subject).toBe("Jemand hat bei StreamPay eine Kopie Ihrer Daten angefordert (DSR-2026-000124)");
    // German has no "your" that fits every relationship (Ihr Elternteil, Ihre Vertretung): none is used.
    expect(de.text).toContain("gibt an, für Sie als Rechtsanwalt oder Rechtsanwältin zu handeln");
    expect(de.text).toContain("bis 1. Januar 2027");
    expect(de.html).toContain('lang="de"');
    expect(de.text).not.toContain("können Sie sie ignorieren");
  });

  it("speaks to an agent of the data of the person they asked for, never of 'your data', in English and German", async () => {
    const en = await requesterEmails("en", "anna@example.com");
    expect(en.ready.subject).toBe("The data of anna@example.com is ready to download (DSR-2026-000125)");
    expect(en.ready.text).toContain("The copy of the data of anna@example.com for request DSR-2026-000125 is ready");
    expect(en.received.text).toContain("Your request for a copy of the data of anna@example.com has the reference");
    expect(en.delayed.text).toContain("We could not collect part of the data of anna@example.com");
    expect(en.rejected.text).toContain("We could not confirm that you may receive the data of anna@example.com");
    expect(en.extended.subject).toBe(
      "More time needed for your request for the data of anna@example.com (DSR-2026-000125)",
    );
    expect(en.cancelled.text).toContain("cancelled request DSR-2026-000125 for the data of anna@example.com");
    for (const email of Object.values(en)) {
      expect(email.subject).toContain("anna@example.com");
      expect(email.text).toContain("anna@example.com");
      expect(`${email.subject} ${email.text}`).not.toMatch(/your data|your request for a copy of your/i);
    }
    const de = await requesterEmails("de", "anna@example.com");
    expect(de.ready.subject).toBe("Die Daten von anna@example.com stehen zum Herunterladen bereit (DSR-2026-000125)");
    expect(de.ready.text).toContain("Die Kopie der Daten von anna@example.com zur Anfrage DSR-2026-000125 ist fertig");
    expect(de.received.text).toContain(
      "Ihre Anfrage nach einer Kopie der Daten von anna@example.com hat das Aktenzeichen",
    );
    expect(de.rejected.text).toContain("dass Sie die Daten von anna@example.com aus der Anfrage DSR-2026-000125");
    expect(de.ready.html).toContain('lang="de"');
    for (const email of Object.values(de)) {
      expect(email.subject).toContain("anna@example.com");
      expect(email.text).toContain("anna@example.com");
      expect(`${email.subject} ${email.text}`).not.toMatch(/Ihre(r|n)? Daten/);
    }
  });
});

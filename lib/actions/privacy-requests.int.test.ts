import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoCompany } from "@/prisma/demo-company";
import { bringDatabaseBack, takeDatabaseAway } from "@/test/database";
import { createApprovedRequest, signedIn } from "@/test/factories";
import { startLogCapture } from "@/test/log-capture";
import { browserRequest, serve } from "@/test/next-request";
import { setLocaleAction } from "./locale";
import { cancelPrivacyRequestAction, submitPrivacyRequestAction } from "./privacy-requests";

// The customer's forms as the browser posts them: the request form, the status page's cancel
// button and the language switcher, with a real Auth.js session and the database underneath.

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const post = <T>(cookie: string | undefined, work: () => Promise<T>, headers: Record<string, string> = {}) =>
  serve(browserRequest("/privacy-center/request", { method: "POST", cookie, headers }), work);
const submit = (
  cookie: string | undefined,
  fields: Record<string, string | string[]>,
  headers?: Record<string, string>,
) => post(cookie, () => submitPrivacyRequestAction(null, form(fields)), headers);

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
});

describe("the request form", () => {
  it("sends a signed-in customer to the new request's status page", async () => {
    const { cookie, user } = await signedIn("form@example.com");
    const logs = startLogCapture();
    // x-request-id as proxy.ts hands it on (it overwrites whatever the browser sent).
    const fields = { type: "PORTABILITY", formats: ["JSON"], confirm: "yes" };
    const sent = await submit(cookie, fields, { "x-request-id": "req-from-proxy" }).finally(() => logs.stop());
    const request = await db.privacyRequest.findFirstOrThrow({ where: { userId: user.id } });
    expect(sent).toMatchObject({ redirectedTo: `/privacy-center/requests/${request.id}` });
    expect(request).toMatchObject({ type: "PORTABILITY", formats: ["JSON"] });
    // The action's lines carry the web request's id and the new request's reference.
    const submitted = { requestId: "req-from-proxy", reference: request.reference, msg: "privacy request submitted" };
    expect(logs.entries()).toContainEqual(expect.objectContaining(submitted));
  });

  it("explains each wrong answer in the customer's language and stores nothing", async () => {
    const { cookie, user } = await signedIn("unsure@example.com", { locale: "de" });
    const sent = await submit(cookie, {
      type: "ACCESS",
      formats: ["JSON", "CSV"],
      rangeFrom: "2025-05-01",
      rangeTo: "2025-01-01",
    });
    expect(sent).toMatchObject({
      value: {
        ok: false,
        error: "Bitte prüfen Sie die markierten Angaben.",
        fieldErrors: {
          confirm: ["Bitte bestätigen Sie, dass Sie nach Ihren eigenen Daten fragen."],
          rangeTo: ["Das Anfangsdatum muss vor dem Enddatum liegen oder gleich sein."],
        },
      },
    });
    expect(await db.privacyRequest.count({ where: { userId: user.id } })).toBe(0);
  });

  it("says why a second open request is refused, and a signed-out visitor is asked to sign in", async () => {
    const { cookie } = await signedIn("twice@example.com");
    const open = await createApprovedRequest("twice@example.com");
    expect(await submit(cookie, { type: "ACCESS", formats: ["JSON", "CSV"], confirm: "yes" })).toMatchObject({
      value: { ok: false, error: expect.stringContaining(open.reference) },
    });
    expect(await submit(undefined, { type: "ACCESS", formats: ["JSON", "CSV"], confirm: "yes" })).toMatchObject({
      value: { ok: false, error: "Your session has ended. Please sign in again." },
    });
  });

  it("while the database is away says so in the reader's language, and nothing is stored", async () => {
    const { cookie, user } = await signedIn("outage-form@example.com");
    await takeDatabaseAway(process.env.DATABASE_URL!);
    try {
      const sent = await submit(
        cookie,
        { type: "ACCESS", formats: ["JSON", "CSV"], confirm: "yes" },
        { "accept-language": "de" },
      );
      expect(sent).toMatchObject({
        value: {
          ok: false,
          error:
            "Das Portal erreicht seine Datenbank gerade nicht. Es wurde nichts geändert; bitte versuchen Sie es in einer Minute noch einmal.",
        },
      });
    } finally {
      await bringDatabaseBack(process.env.DATABASE_URL!);
    }
    expect(await db.privacyRequest.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("cancelling a request", () => {
  it("cancels the customer's own request before the export starts; anything else changes nothing and says so", async () => {
    const { cookie } = await signedIn("changed-mind@example.com");
    const own = await createApprovedRequest("changed-mind@example.com", { status: "SUBMITTED" });
    expect(await post(cookie, () => cancelPrivacyRequestAction(own.id))).toMatchObject({
      redirectedTo: `/privacy-center/requests/${own.id}`,
    });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("CANCELLED");

    const foreign = await createApprovedRequest("someone-else@example.com", { status: "SUBMITTED" });
    expect(await post(cookie, () => cancelPrivacyRequestAction(foreign.id))).toMatchObject({
      redirectedTo: `/privacy-center/requests/${foreign.id}?notice=not-cancellable`,
    });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("SUBMITTED");

    const started = await createApprovedRequest("changed-mind@example.com", { status: "COLLECTING" });
    expect(await post(cookie, () => cancelPrivacyRequestAction(started.id))).toMatchObject({
      redirectedTo: expect.stringContaining("?notice=not-cancellable"),
    });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("COLLECTING");

    expect(await post(undefined, () => cancelPrivacyRequestAction(own.id))).toMatchObject({
      redirectedTo: `/sign-in?${new URLSearchParams({ callbackUrl: `/privacy-center/requests/${own.id}` })}`,
    });
  });
});

describe("the language switcher", () => {
  it("remembers the choice in a cookie, and on the account when someone is signed in; an unknown language changes nothing", async () => {
    const visitor = await post(undefined, () => setLocaleAction(form({ locale: "de" })));
    expect(visitor.setCookies.join("\n")).toMatch(/^NEXT_LOCALE=de; Path=\/; .*HttpOnly/m);

    const { cookie, user } = await signedIn("polyglot@example.com");
    const member = await post(cookie, () => setLocaleAction(form({ locale: "de" })));
    expect(member.setCookies.join("\n")).toContain("NEXT_LOCALE=de");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("de");

    const unknown = await post(cookie, () => setLocaleAction(form({ locale: "xx" })));
    expect(unknown.setCookies).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("de");
  });
});

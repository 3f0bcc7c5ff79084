import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startFakeAnalytics } from "@/test/fakes/analytics-server";
import { startFakeIntercom } from "@/test/fakes/intercom-server";
import { startFakeStripe } from "@/test/fakes/stripe-server";
import { TEST_DECLARATION } from "../testing/declaration";
import type { DataSource, DataSubject } from "../types";
import { analyticsSource } from "./analytics-source";
import { intercomSource } from "./intercom-source";
import type { RetryPolicy } from "./resilient-fetch";
import { stripeSource } from "./stripe-source";

// Art. 15(1) asks for a copy of all the data: a source whose service stopped answering part-way
// (a page cut off, a search that stops short of its own total, a page that never came) must fail,
// never hand back the records it got as if they were all. The services run as local fakes.

const [stripe, intercom, analytics] = await Promise.all([startFakeStripe(), startFakeIntercom(), startFakeAnalytics()]);
afterEach(() => [stripe, intercom, analytics].forEach((fake) => fake.recover()));
afterAll(() => Promise.all([stripe.close(), intercom.close(), analytics.close()]));

const retry: RetryPolicy = { attempts: 2, timeoutMs: 300, baseDelayMs: 5, maxDelayMs: 20 };
const declaration = { ...TEST_DECLARATION, title: "Test", description: "Test source." };
const ALEX: DataSubject = { id: "cus_000001", email: "alex@example.com" };

const sources = {
  stripe: stripeSource({
    ...declaration,
    key: "stripe",
    config: { secretKey: stripe.token, apiBase: stripe.baseUrl, retry },
  }),
  intercom: intercomSource({
    ...declaration,
    key: "intercom",
    config: { accessToken: intercom.token, apiBase: intercom.baseUrl, retry },
  }),
  analytics: analyticsSource({
    ...declaration,
    key: "analytics",
    config: { apiKey: analytics.token, projectId: "4242", apiBase: analytics.baseUrl, retry },
  }),
};

/** Reads the first page, lets `fault` break the service, then reads on: what a collect step does. */
async function collectWithFaultAfterFirstPage(source: DataSource, fault: () => void, pageSize = 10): Promise<number> {
  const pages = source.collect(ALEX, { pageSize })[Symbol.asyncIterator]();
  let records = (await pages.next()).value?.length ?? 0;
  fault();
  for (let page = await pages.next(); !page.done; page = await pages.next()) records += page.value.length;
  return records;
}

describe("an outside source that answers only part of the subject's data fails instead of counting it as complete", () => {
  it("a page whose body is cut off part-way fails the analytics source", async () => {
    await expect(collectWithFaultAfterFirstPage(sources.analytics, () => analytics.breakOffNext(1))).rejects.toThrow(
      /^The analytics service broke off its answer part-way/,
    );
  });

  it("a page whose body is cut off part-way fails the Stripe source", async () => {
    await expect(collectWithFaultAfterFirstPage(sources.stripe, () => stripe.breakOffNext(1))).rejects.toThrow(
      /^Stripe broke off its answer part-way/,
    );
  });

  it("a page that never arrives fails the source once the retries time out", async () => {
    await expect(
      collectWithFaultAfterFirstPage(sources.analytics, () => analytics.hangNext(retry.attempts)),
    ).rejects.toThrow(/^The analytics service did not answer after 2 attempts \(no answer within 0.3 s\)/);
  });

  it("an Intercom search that stops paging short of its own total_count fails the source", async () => {
    intercom.answerPartiallyNext(1);
    const collect = async () => {
      for await (const _page of sources.intercom.collect(ALEX)) void _page;
    };
    await expect(collect()).rejects.toThrow(/^Intercom listed 0 of the 1 results of \/contacts\/search, then stopped/);
  });

  it("the same sources read everything when nothing breaks (the faults above are what fails them)", async () => {
    expect(await collectWithFaultAfterFirstPage(sources.analytics, () => undefined, 1000)).toBe(10_500);
    expect(await collectWithFaultAfterFirstPage(sources.intercom, () => undefined)).toBe(1 + 45);
    expect(await collectWithFaultAfterFirstPage(sources.stripe, () => undefined)).toBeGreaterThan(10);
  });
});

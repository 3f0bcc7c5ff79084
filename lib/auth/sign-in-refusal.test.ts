import { describe, expect, it } from "vitest";
import { startLogCapture } from "@/test/log-capture";
import { authLogger, retryAfterMinutesFrom, SignInLimitError, signInLimitMessage } from "./sign-in-refusal";

describe("a sign-in refused by the rate limit", () => {
  it("carries the real wait to the sign-in page, and only a sane one", () => {
    const error = new SignInLimitError(60);
    expect(error.type).toBe("CredentialsSignin"); // a type Auth.js passes to the page, not "Configuration"
    expect(retryAfterMinutesFrom(error.code)).toBe(60);
    expect(signInLimitMessage(60)).toContain("try again in 60 minutes");
    expect(signInLimitMessage(1)).toContain("try again in 1 minute,");
    for (const forged of [undefined, "credentials", "rate-limited-99999m", "rate-limited-m", "rate-limited-5m<script>"])
      expect(retryAfterMinutesFrom(forged)).toBeNull();
  });

  it("is logged as one line, without a stack trace; real errors keep theirs", () => {
    const logs = startLogCapture();
    try {
      authLogger.error(new SignInLimitError(42));
      const [refusal, ...rest] = logs.entries();
      expect(rest).toEqual([]);
      expect(refusal).toMatchObject({ level: "warn", module: "auth", retryAfterMinutes: 42 });
      expect(refusal!.msg).toBe("sign-in email refused by the rate limit");
      expect(refusal).not.toHaveProperty("err");
      authLogger.error(new Error("database unreachable"));
      const bug = logs.entries()[1]!;
      expect(bug).toMatchObject({ level: "error", err: { message: "database unreachable" } });
      expect((bug.err as { stack: string }).stack).toContain("sign-in-refusal.test.ts");
    } finally {
      logs.stop();
    }
  });
});

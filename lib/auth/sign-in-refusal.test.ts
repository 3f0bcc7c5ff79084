import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger, retryAfterMinutesFrom, SignInLimitError, signInLimitMessage } from "./sign-in-refusal";

afterEach(() => vi.restoreAllMocks());

describe("a sign-in refused by the rate limit", () => {
  it("carries the real wait to the sign-in page, and only a sane one", () => {
    const error = new SignInLimitError(60);
    expect(error.type).toBe("CredentialsSignin"); // a type Auth.js passes to the page, not "Configuration"
    expect(retryAfterMinutesFrom(error.code)).toBe(60);
    expect(signInLimitMessage(60)).toContain("try again in 60 minutes");
    expect(signInLimitMessage(1)).toContain("try again in 1 minute,");
    for (const forged of [undefined, "credentials", "rate-limited-99999m", "rate-limited-m", "rate-limited-5m<script>"]) expect(retryAfterMinutesFrom(forged)).toBeNull();
  });

  it("is logged as one line, without a stack trace; real errors keep theirs", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error(new SignInLimitError(42));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toHaveLength(1);
    expect(String(warn.mock.calls[0]![0])).not.toContain("\n");
    expect(error).not.toHaveBeenCalled();
    const bug = new Error("database unreachable");
    authLogger.error(bug);
    expect(error).toHaveBeenCalledWith("[auth][error]", bug);
  });
});

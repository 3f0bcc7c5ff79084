import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("runs every part embedded when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.emailMode).toBe("outbox");
    expect(env.demoMode).toBe(true);
    expect(env.EMBEDDED_POSTGRES_PORT).toBe(54329);
  });

  it("switches email to Resend and turns the demo off when a key is set", () => {
    const env = parseEnv({ RESEND_API_KEY: "re_123" });
    expect(env.emailMode).toBe("resend");
    expect(env.demoMode).toBe(false);
  });

  it("never turns the demo outbox on in production unless asked", () => {
    expect(parseEnv({ NODE_ENV: "production" }).demoMode).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "true" }).demoMode).toBe(true);
  });

  it("speaks English unless DEFAULT_LOCALE names another language tag", () => {
    expect(parseEnv({}).DEFAULT_LOCALE).toBe("en");
    expect(parseEnv({ DEFAULT_LOCALE: "de" }).DEFAULT_LOCALE).toBe("de");
    expect(() => parseEnv({ DEFAULT_LOCALE: "../etc/passwd" })).toThrow(/DEFAULT_LOCALE/);
  });

  it("takes the security contact as an email address or a mailto:/https: URI, nothing else", () => {
    expect(parseEnv({ SECURITY_CONTACT: "security@example.com" }).SECURITY_CONTACT).toBe("mailto:security@example.com");
    expect(parseEnv({ SECURITY_CONTACT: "https://example.com/report" }).SECURITY_CONTACT).toBe(
      "https://example.com/report",
    );
    expect(() => parseEnv({ SECURITY_CONTACT: "http://example.com/report" })).toThrow(/SECURITY_CONTACT/);
    expect(() => parseEnv({ SECURITY_CONTACT: "call us" })).toThrow(/SECURITY_CONTACT/);
  });

  it("refuses a metrics token short enough to guess", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "secret" })).toThrow(/METRICS_TOKEN/);
    expect(parseEnv({ METRICS_TOKEN: "a".repeat(32) }).METRICS_TOKEN).toHaveLength(32);
  });

  it("logs JSON at info, pretty only in development, and traces nothing unless a collector is named", () => {
    const production = parseEnv({ NODE_ENV: "production" });
    expect(production).toMatchObject({ LOG_LEVEL: "info", logFormat: "json" });
    expect(production.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "development" }).logFormat).toBe("pretty");
    expect(parseEnv({ NODE_ENV: "development", LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
    const traced = parseEnv({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=a%3Db, tenant=eu",
    });
    expect(traced.OTEL_EXPORTER_OTLP_HEADERS).toEqual({ "x-api-key": "a=b", tenant: "eu" });
    expect(traced.OTEL_SERVICE_NAME).toBe("privacy-portal");
    expect(() => parseEnv({ OTEL_EXPORTER_OTLP_HEADERS: "no-value" })).toThrow(/OTEL_EXPORTER_OTLP_HEADERS/);
  });

  it("trusts no proxy unless told how many there are", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "all" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("names the variable when a value is bad", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(() => parseEnv({ EMBEDDED_POSTGRES_PORT: "eighty" })).toThrow(/EMBEDDED_POSTGRES_PORT/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE: must be true or false/);
  });

  it("treats empty values as unset, as .env files write them", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "" }).emailMode).toBe("outbox");
  });
});

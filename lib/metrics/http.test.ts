import { describe, expect, it } from "vitest";
import { routeTemplate } from "./http";

describe("the route label of an HTTP request", () => {
  it("names the route, not the id asked for", () => {
    expect(routeTemplate("/api/v1/exports/3f2a-77", { id: "3f2a-77" })).toBe("/api/v1/exports/[id]");
    expect(routeTemplate("/api/v1/exports", {})).toBe("/api/v1/exports");
  });

  it("puts back catch-all segments and percent-encoded values by their parameter's name", () => {
    expect(routeTemplate("/api/auth/callback/email", { nextauth: ["callback", "email"] })).toBe(
      "/api/auth/[...nextauth]",
    );
    expect(routeTemplate("/api/v1/exports/a%20b", { id: "a b" })).toBe("/api/v1/exports/[id]");
  });
});

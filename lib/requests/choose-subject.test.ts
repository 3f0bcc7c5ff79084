import { describe, expect, it } from "vitest";
import { chooseSubject } from "./decide-identity";

const alex = { id: "cus_1", displayName: "Alex", customerSince: null };
const twin = { id: "cus_2", displayName: "Alex (old account)", customerSince: null };

describe("which customer record an approval links", () => {
  it("takes a single match as is, and refuses 'no data held' for it", () => {
    expect(chooseSubject([alex], undefined)).toEqual({ subjectId: "cus_1" });
    expect(chooseSubject([alex], "none")).toHaveProperty("refusal");
  });

  it("needs a choice among several, or 'no data held', and never a record that does not match", () => {
    expect(chooseSubject([alex, twin], undefined)).toHaveProperty(
      "refusal",
      expect.stringMatching(/matches 2 customer records/),
    );
    expect(chooseSubject([alex, twin], "cus_2")).toEqual({ subjectId: "cus_2" });
    expect(chooseSubject([alex, twin], "none")).toEqual({ subjectId: null });
    expect(chooseSubject([alex, twin], "cus_999")).toHaveProperty("refusal");
    expect(chooseSubject([], undefined)).toHaveProperty("refusal", expect.stringMatching(/no customer record/));
    expect(chooseSubject([], "none")).toEqual({ subjectId: null });
  });
});

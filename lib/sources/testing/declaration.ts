import type { DataTransfer } from "../types";

/** The Art. 15(1) texts a test source must declare, with placeholder values. Test-only. */
export const TEST_DECLARATION = {
  categories: ["Usage data"],
  purposes: ["Testing"],
  legalBasis: "None",
  recipients: [],
  transfers: [] as DataTransfer[],
  retention: "None",
  origin: "Tests",
};

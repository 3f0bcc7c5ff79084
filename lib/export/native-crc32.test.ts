import { randomBytes } from "node:crypto";
import CRC32 from "crc-32";
import { describe, expect, it } from "vitest";

describe("native CRC-32 for archiver", () => {
  it("replaces crc-32's buf with zlib.crc32 and gives the same checksums, chained too", async () => {
    const javascript = CRC32.buf;
    const { nativeCrc32 } = await import("./native-crc32");
    expect(nativeCrc32).toBe(true);
    expect(CRC32.buf).not.toBe(javascript);
    for (const size of [0, 1, 7, 64, 65_537]) {
      const data = randomBytes(size);
      expect(CRC32.buf(data)).toBe(javascript(data));
      // crc32-stream passes the previous chunk's checksum as the seed, unsigned (>>> 0).
      const seed = javascript(randomBytes(9)) >>> 0;
      expect(CRC32.buf(data, seed)).toBe(javascript(data, seed));
      expect(CRC32.buf([...data.subarray(0, 32)], seed)).toBe(javascript([...data.subarray(0, 32)], seed));
    }
  });
});

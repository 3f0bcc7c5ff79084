import zlib from "node:zlib";
import CRC32 from "crc-32";

// archiver (through compress-commons and crc32-stream) checksums every byte of the archive with
// the crc-32 package, in JavaScript: about a second per million exported rows. Node ≥ 20.15 has
// the same CRC-32 in C (zlib.crc32). Both look `buf` up on crc-32's exports at every call, so
// replacing it there moves all of archiver's checksumming to C without forking archiver.
// crc-32 returns a signed 32-bit value and takes a signed or unsigned seed; zlib.crc32 takes and
// returns unsigned ones. An empty input must return the seed: zlib's crc32 given no bytes (a
// Buffer with no backing store) returns 0, its "initial value", instead.

type Crc32Buf = (data: Uint8Array | number[], seed?: number) => number;

const native = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;

if (native && !(CRC32.buf as Crc32Buf & { native?: true }).native) {
  const buf: Crc32Buf & { native?: true } = (data, seed = 0) =>
    data.length === 0 ? seed | 0 : native(data instanceof Uint8Array ? data : Uint8Array.from(data), seed >>> 0) | 0;
  buf.native = true;
  CRC32.buf = buf;
}

export const nativeCrc32 = native !== undefined;

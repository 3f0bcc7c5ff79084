import { Readable, Writable } from "node:stream";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import { deflateInMemory } from "./deflated-file";
import { readZipEntries } from "./testing/read-zip";
import { ZipWriter, type ZipWriterOptions } from "./zip-writer";

type File = { path: string; content: Buffer };

const MODIFIED = new Date("2026-11-23T21:07:42Z");

/** The ZIP the writer makes of `files`, written through a stream that accepts a few bytes at a time. */
async function zipOf(files: File[], options: ZipWriterOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const output = new Writable({
    highWaterMark: 16, // backpressure on nearly every write
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      setImmediate(callback);
    },
  });
  const zip = new ZipWriter(output, MODIFIED, options);
  for (const { path, content } of files) {
    const { file, compressed } = deflateInMemory(content);
    // Several chunks per entry, as a staged object arrives from storage.
    const pieces = [compressed.subarray(0, 3), compressed.subarray(3, 40), compressed.subarray(40)];
    await zip.add(
      { path, crc32: file.crc32, bytes: file.bytes, compressedBytes: file.compressedBytes },
      Readable.from(pieces),
    );
  }
  await zip.finish();
  output.end();
  return Buffer.concat(chunks);
}

/** Each entry's name, stored CRC-32, sizes and modification time, as yauzl reads the central directory. */
function centralDirectory(
  zip: Buffer,
): Promise<Array<{ name: string; crc32: number; bytes: number; modified: Date; dosModified: Date }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: false }, (error, file) => {
      if (error || !file) return reject(error ?? new Error("not a zip"));
      const entries: Array<{ name: string; crc32: number; bytes: number; modified: Date; dosModified: Date }> = [];
      file.on("entry", (entry: yauzl.Entry) =>
        entries.push({
          name: entry.fileName,
          crc32: entry.crc32,
          bytes: entry.uncompressedSize,
          modified: entry.getLastModDate(),
          // yauzl 3 takes options its type declarations (written for yauzl 2) do not list.
          dosModified: (entry.getLastModDate as (options: { forceDosFormat: boolean; timezone: "UTC" }) => Date).call(
            entry,
            { forceDosFormat: true, timezone: "UTC" },
          ),
        }),
      );
      file.on("end", () => resolve(entries));
      file.on("error", reject);
    });
  });
}

const files = fc.uniqueArray(
  fc.record({
    path: fc.stringMatching(/^[a-zé日][a-zA-Z0-9_\-.é日本]{0,23}$/).map((name) => `data/${name}`),
    content: fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
  }),
  { selector: (file) => file.path, maxLength: 6 },
);

describe("ZipWriter", () => {
  for (const forceZip64 of [false, true]) {
    it(`writes entries that a ZIP reader gives back byte for byte${forceZip64 ? ", through ZIP64 fields and end records" : ""}`, async () => {
      await fc.assert(
        fc.asyncProperty(files, async (input) => {
          const zip = await zipOf(input, { forceZip64 });
          const entries = await readZipEntries(zip);
          expect([...entries.keys()]).toEqual(input.map((file) => file.path));
          for (const { path, content } of input) expect(entries.get(path)!.equals(content)).toBe(true);
          for (const [index, entry] of (await centralDirectory(zip)).entries()) {
            expect(entry.crc32).toBe(crc32(input[index]!.content));
            expect(entry.bytes).toBe(input[index]!.content.length);
          }
        }),
        { numRuns: 25 },
      );
    });
  }

  it("stamps every entry with the archive's time, in UTC, to the second and to DOS's two seconds", async () => {
    const [entry] = await centralDirectory(await zipOf([{ path: "README.html", content: Buffer.from("<p>hi</p>") }]));
    expect(entry!.modified.toISOString()).toBe("2026-11-23T21:07:42.000Z");
    expect(entry!.dosModified.toISOString()).toBe("2026-11-23T21:07:42.000Z");
  });

  it("fails an entry whose stored bytes are fewer or more than its deflate wrote", async () => {
    const { file, compressed } = deflateInMemory(Buffer.from("x".repeat(500)));
    const entry = { path: "data/a.json", crc32: file.crc32, bytes: file.bytes, compressedBytes: file.compressedBytes };
    const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await expect(new ZipWriter(sink(), MODIFIED).add(entry, Readable.from([compressed.subarray(1)]))).rejects.toThrow(
      /data\/a\.json: \d+ compressed bytes were stored/,
    );
    await expect(
      new ZipWriter(sink(), MODIFIED).add(entry, Readable.from([compressed, Buffer.from([0])])),
    ).rejects.toThrow(/were stored/);
  });

  it("fails an entry whose stored object fails while it is read", async () => {
    const { file } = deflateInMemory(Buffer.from("y".repeat(500)));
    const broken = new Readable({
      read() {
        this.destroy(new Error("storage went away"));
      },
    });
    const zip = new ZipWriter(new Writable({ write: (_chunk, _encoding, callback) => callback() }), MODIFIED);
    await expect(
      zip.add(
        { path: "data/b.json", crc32: file.crc32, bytes: file.bytes, compressedBytes: file.compressedBytes },
        broken,
      ),
    ).rejects.toThrow("storage went away");
  });
});

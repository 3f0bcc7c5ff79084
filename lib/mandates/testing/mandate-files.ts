import { crc32, deflateSync } from "node:zlib";

// Small, real files for tests of the mandate upload: what a person sends, and what an attacker
// would try instead. Built here byte by byte so that each test says exactly what it feeds in.

/** A one-page PDF with nothing in it but text: the ordinary mandate. */
export function plainPdf(extra = ""): Buffer {
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R " + extra + " >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
      "trailer << /Root 1 0 R >>",
      "%%EOF",
      "",
    ].join("\n"),
    "latin1",
  );
}

/** A PDF that runs JavaScript when opened (/OpenAction with a /JS action). */
export const pdfWithOpenActionScript = () => plainPdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>");

/** The same, with the name written with a #xx escape (ISO 32000-1 §7.3.5): /J#53 is /JS. */
export const pdfWithEscapedScript = () =>
  plainPdf("/OpenAction << /S /Launch /F (cmd.exe) >> /AA << /O << /J#53 (x) >> >>");

/** A PDF 1.5 whose script hides in a compressed object stream. */
export function pdfWithCompressedScript(): Buffer {
  const objects = deflateSync(Buffer.from("4 0 << /S /JavaScript /JS (app.alert(1)) >>", "latin1"));
  return Buffer.concat([
    Buffer.from("%PDF-1.5\n1 0 obj << /Type /Catalog /OpenAction 4 0 R >> endobj\n", "latin1"),
    Buffer.from(
      `5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${objects.byteLength} >> stream\n`,
      "latin1",
    ),
    objects,
    Buffer.from("\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1"),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `width` × `height` grey pixels (the header may claim more than the data holds). */
export function png(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0x80]))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A ZIP whose one entry inflates from a few kilobytes to 100 MB of zeros: a zip bomb, as sent renamed to .png. */
export function zipBomb(): Buffer {
  const inflatedSize = 100 * 1024 * 1024;
  const data = deflateSync(Buffer.alloc(inflatedSize), { level: 9 });
  const name = Buffer.from("mandate.png");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(inflatedSize, 22);
  local.writeUInt16LE(name.byteLength, 26);
  return Buffer.concat([local, name, data]);
}

/** A baseline JPEG's markers up to its frame header, which states `width` × `height`. */
export function jpeg(width = 2, height = 2): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

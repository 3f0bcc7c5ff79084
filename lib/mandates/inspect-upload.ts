import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { fileTypeFromBuffer } from "file-type";
import { MANDATE_MAX_BYTES } from "./mandate-fields";

// The mandate an agent uploads (a signed authorisation, a court order, a birth certificate) is
// read by staff, so it must be a plain document and nothing that acts when opened. Its type comes
// from its bytes (file-type's signatures), never from its name or the browser's Content-Type: a
// ZIP renamed .png is a ZIP. Refusals are values with a message key (messages/<locale>.json).

export { MANDATE_MAX_BYTES };

/** What a mandate may be, by the type its bytes show. */
const ALLOWED = { pdf: "application/pdf", png: "image/png", jpg: "image/jpeg" } as const;
export type MandateExtension = keyof typeof ALLOWED;

// A scan of an A4 page at 600 dpi is ~5 000 × 7 000 pixels. Anything far beyond is a
// decompression bomb (a few kilobytes that claim gigapixels), not a document.
const MAX_SIDE = 20_000;
const MAX_PIXELS = 100_000_000;
// What a PDF's compressed streams may inflate to while we look inside them.
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export type MandateRefusal =
  | "mandateMissing"
  | "mandateTooLarge"
  | "mandateType"
  | "mandateActiveContent"
  | "mandateDimensions"
  | "mandateMalformed";

export type InspectedMandate =
  | { ok: true; extension: MandateExtension; contentType: string; sizeBytes: number; sha256: string }
  | { ok: false; refusal: MandateRefusal };

const refuse = (refusal: MandateRefusal): InspectedMandate => ({ ok: false, refusal });

/** Checks an uploaded mandate by its bytes: size, type, and what each type must not contain. */
export async function inspectMandate(bytes: Uint8Array): Promise<InspectedMandate> {
  if (bytes.byteLength === 0) return refuse("mandateMissing");
  if (bytes.byteLength > MANDATE_MAX_BYTES) return refuse("mandateTooLarge");
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.ext in ALLOWED)) return refuse("mandateType");
  const extension = detected.ext as MandateExtension;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problem =
    extension === "pdf" ? pdfProblem(buffer) : extension === "png" ? pngProblem(buffer) : jpegProblem(buffer);
  if (problem) return refuse(problem);
  return {
    ok: true,
    extension,
    contentType: ALLOWED[extension],
    sizeBytes: bytes.byteLength,
    sha256: createHash("sha256").update(buffer).digest("hex"),
  };
}

// ------------------------------------------------------------------------------------------------
// PDF: no scripts and no actions that launch, embed or submit (ISO 32000-1 §12.6 actions, §12.6.4.16
// JavaScript actions, §7.11.4 embedded files; /OpenAction runs one of them on opening). Names can
// be written with #xx escapes (§7.3.5: /J#53 is /JS) and hidden in compressed object streams
// (§7.5.7), so both are undone before looking.

const ACTIVE_NAMES = new Set([
  "JS",
  "JavaScript",
  "Launch",
  "EmbeddedFile",
  "EmbeddedFiles",
  "RichMedia",
  "XFA",
  "SubmitForm",
  "ImportData",
]);
const NAME = /\/([^\s/<>[\]()%{}]+)/g;
// "stream" and its end of line open a stream's bytes (§7.3.8); "endstream" must not count.
const STREAM = /(?<!end)stream\r?\n/g;

function pdfNamesAreActive(text: string): boolean {
  for (const match of text.matchAll(NAME)) {
    const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (ACTIVE_NAMES.has(name)) return true;
  }
  return false;
}

/**
 * Dictionaries are looked at outside streams (a scanned image's bytes would match by chance) and
 * inside object streams, where a PDF 1.5+ writer may put every dictionary, compressed.
 */
function pdfProblem(pdf: Buffer): MandateRefusal | undefined {
  const text = pdf.toString("latin1");
  let outside = "";
  let position = 0;
  let inflated = 0;
  for (const match of text.matchAll(STREAM)) {
    if (match.index < position) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const dictionary = text.slice(Math.max(position, text.lastIndexOf(" obj", match.index)), match.index);
    outside += text.slice(position, match.index);
    position = end;
    if (!/\/Type\s*\/ObjStm/.test(dictionary)) continue;
    let content: Buffer;
    try {
      content = inflateSync(pdf.subarray(start, end), { maxOutputLength: MAX_INFLATED_BYTES - inflated });
    } catch (error) {
      // Too much to inflate is a bomb; a stream that does not inflate is left as data.
      if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        return "mandateMalformed";
      continue;
    }
    inflated += content.byteLength;
    if (pdfNamesAreActive(content.toString("latin1"))) return "mandateActiveContent";
  }
  outside += text.slice(position);
  return pdfNamesAreActive(outside) ? "mandateActiveContent" : undefined;
}

// ------------------------------------------------------------------------------------------------
// PNG (RFC 2083 / ISO 15948): IHDR comes first and states the size; the file ends at IEND. Bytes
// after IEND make a polyglot (a PNG that is also a ZIP or a script), which no document needs.

const PNG_SIGNATURE_BYTES = 8;

function pngProblem(png: Buffer): MandateRefusal | undefined {
  if (png.byteLength < 33 || png.toString("latin1", 12, 16) !== "IHDR") return "mandateMalformed";
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (tooBig(width, height)) return "mandateDimensions";
  let offset = PNG_SIGNATURE_BYTES;
  while (offset + 12 <= png.byteLength) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    offset += 12 + length;
    if (type === "IEND") return offset === png.byteLength ? undefined : "mandateMalformed";
  }
  return "mandateMalformed";
}

// ------------------------------------------------------------------------------------------------
// JPEG (ITU T.81 §B.2): the frame header (SOFn) states the size; find it by walking the markers.

function jpegProblem(jpeg: Buffer): MandateRefusal | undefined {
  let offset = 2;
  while (offset + 9 <= jpeg.byteLength) {
    if (jpeg[offset] !== 0xff) return "mandateMalformed";
    const marker = jpeg[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = jpeg.readUInt16BE(offset + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = jpeg.readUInt16BE(offset + 5);
      const width = jpeg.readUInt16BE(offset + 7);
      return width === 0 || height === 0 || tooBig(width, height) ? "mandateDimensions" : undefined;
    }
    offset += 2 + length;
  }
  return "mandateMalformed";
}

const tooBig = (width: number, height: number) => width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS;

// Writes the portal's logo and icons into public/ from one drawing: a padlock on the brand blue.
// `npx tsx scripts/generate-icons.ts` after changing the drawing; the files are committed. No image
// tool is needed: the SVG is text, and the PNGs are rasterised here (4×4 samples a pixel) and
// encoded with zlib (PNG, RFC 2083). favicon.ico holds PNG images, which every browser since
// Windows Vista's format revision reads.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0x1d, 0x4e, 0xd8] as const; // --color-brand-600 in app/globals.css
const WHITE = [0xff, 0xff, 0xff] as const;

// The drawing on a 64×64 grid; the SVG and the rasteriser read the same numbers.
const shape = {
  radius: 14,
  body: { x: 16, y: 29, w: 32, h: 23, r: 4 },
  shackle: { cx: 32, cy: 24, r: 10, bottom: 30, half: 2.5 },
};
const keyhole = { cx: 32, cy: 39, r: 3.5, w: 3, bottom: 45 };

export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Privacy portal">
  <rect width="64" height="64" rx="${shape.radius}" fill="#1d4ed8"/>
  <path d="M22 ${shape.shackle.bottom}V24a10 10 0 0 1 20 0v6" fill="none" stroke="#fff" stroke-width="5"/>
  <rect x="16" y="29" width="32" height="23" rx="4" fill="#fff"/>
  <circle cx="32" cy="39" r="3.5" fill="#1d4ed8"/>
  <rect x="30.5" y="39" width="3" height="6" fill="#1d4ed8"/>
</svg>
`;

function inRoundedRect(x: number, y: number, r: { x: number; y: number; w: number; h: number; r: number }): boolean {
  const dx = Math.max(r.x + r.r - x, 0, x - (r.x + r.w - r.r));
  const dy = Math.max(r.y + r.r - y, 0, y - (r.y + r.h - r.r));
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h && dx * dx + dy * dy <= r.r * r.r;
}

function onShackle(x: number, y: number): boolean {
  const { cx, cy, r, bottom, half } = shape.shackle;
  if (y <= cy) return Math.abs(Math.hypot(x - cx, y - cy) - r) <= half;
  return y <= bottom && (Math.abs(x - (cx - r)) <= half || Math.abs(x - (cx + r)) <= half);
}

/** The colour at a point of the 64×64 grid, or undefined where the icon is transparent. */
function colourAt(x: number, y: number): readonly number[] | undefined {
  if (!inRoundedRect(x, y, { x: 0, y: 0, w: 64, h: 64, r: shape.radius })) return undefined;
  const inKeyhole =
    Math.hypot(x - keyhole.cx, y - keyhole.cy) <= keyhole.r ||
    (Math.abs(x - keyhole.cx) <= keyhole.w / 2 && y >= keyhole.cy && y <= keyhole.bottom);
  const white = (onShackle(x, y) || inRoundedRect(x, y, shape.body)) && !inKeyhole;
  return white ? WHITE : BRAND;
}

export function rasterise(size: number): Buffer {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < samples * samples; s++) {
        const x = ((px + ((s % samples) + 0.5) / samples) * 64) / size;
        const y = ((py + (Math.floor(s / samples) + 0.5) / samples) * 64) / size;
        const colour = colourAt(x, y);
        if (!colour) continue;
        for (let c = 0; c < 3; c++) sum[c]! += colour[c]!;
        sum[3]! += 1;
      }
      const at = (py * size + px) * 4;
      const covered = sum[3]!;
      for (let c = 0; c < 3; c++) rgba[at + c] = covered ? Math.round(sum[c]! / covered) : 0;
      rgba[at + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return encodePng(size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO file (ICONDIR, one ICONDIRENTRY per image) whose images are PNGs. */
function encodeIco(pngs: { size: number; png: Buffer }[]): Buffer {
  const directory = Buffer.alloc(6 + 16 * pngs.length);
  directory.writeUInt16LE(1, 2); // type 1: icon
  directory.writeUInt16LE(pngs.length, 4);
  let offset = directory.length;
  pngs.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    directory.writeUInt8(size % 256, entry); // 0 means 256
    directory.writeUInt8(size % 256, entry + 1);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([directory, ...pngs.map(({ png }) => png)]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync("public/logo.svg", LOGO_SVG);
  writeFileSync("public/favicon.svg", LOGO_SVG);
  for (const size of [192, 512]) writeFileSync(`public/icon-${size}.png`, rasterise(size));
  writeFileSync("public/apple-touch-icon.png", rasterise(180));
  // Emails: most mail clients (Gmail, Outlook) do not show SVG images.
  writeFileSync("public/logo-email.png", rasterise(96));
  writeFileSync("public/favicon.ico", encodeIco([16, 32, 48].map((size) => ({ size, png: rasterise(size) }))));
  console.log(
    "Wrote public/logo.svg, favicon.svg, favicon.ico, icon-192.png, icon-512.png, apple-touch-icon.png, logo-email.png",
  );
}

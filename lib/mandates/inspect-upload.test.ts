import { describe, expect, it } from "vitest";
import { inspectMandate, MANDATE_MAX_BYTES } from "./inspect-upload";
import {
  jpeg,
  pdfWithCompressedScript,
  pdfWithEscapedScript,
  pdfWithOpenActionScript,
  plainPdf,
  png,
  zipBomb,
} from "./testing/mandate-files";

describe("a mandate is checked by its bytes", () => {
  it("takes a plain PDF, PNG and JPEG, typed by their bytes, with their digest", async () => {
    expect(await inspectMandate(plainPdf())).toMatchObject({
      ok: true,
      extension: "pdf",
      contentType: "application/pdf",
    });
    expect(await inspectMandate(png(800, 1100))).toMatchObject({
      ok: true,
      extension: "png",
      contentType: "image/png",
    });
    const photo = await inspectMandate(jpeg(4000, 3000));
    expect(photo).toMatchObject({
      ok: true,
      extension: "jpg",
      contentType: "image/jpeg",
      sizeBytes: jpeg(4000, 3000).byteLength,
    });
    expect(photo.ok && photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an empty file and one over 10 MB", async () => {
    expect(await inspectMandate(new Uint8Array())).toEqual({ ok: false, refusal: "mandateMissing" });
    const big = Buffer.concat([plainPdf(), Buffer.alloc(MANDATE_MAX_BYTES)]);
    expect(await inspectMandate(big)).toEqual({ ok: false, refusal: "mandateTooLarge" });
  });

  it("refuses what is not a PDF, PNG or JPEG whatever it is called: a zip bomb renamed .png, text, a GIF", async () => {
    expect(await inspectMandate(zipBomb())).toEqual({ ok: false, refusal: "mandateType" });
    expect(await inspectMandate(Buffer.from("I, Sam, authorise Alex to ask for my data."))).toEqual({
      ok: false,
      refusal: "mandateType",
    });
    expect(await inspectMandate(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"))).toEqual({
      ok: false,
      refusal: "mandateType",
    });
  });

  it("refuses a PDF that runs a script or launches something, however the name is written or hidden", async () => {
    for (const pdf of [
      pdfWithOpenActionScript(),
      pdfWithEscapedScript(),
      pdfWithCompressedScript(),
      plainPdf("/AA << /O << /S /Launch >> >>"),
    ]) {
      expect(await inspectMandate(pdf)).toEqual({ ok: false, refusal: "mandateActiveContent" });
    }
  });

  it("does not mistake an ordinary word or an ending stream for a script", async () => {
    const pdf = plainPdf("/Title (JS and JavaScript are words here) /JSX 1");
    expect(await inspectMandate(pdf)).toMatchObject({ ok: true });
  });

  it("refuses images whose header claims absurd dimensions (a decompression bomb)", async () => {
    expect(await inspectMandate(png(100_000, 100_000))).toEqual({ ok: false, refusal: "mandateDimensions" });
    expect(await inspectMandate(png(15_000, 15_000))).toEqual({ ok: false, refusal: "mandateDimensions" });
    expect(await inspectMandate(jpeg(65_000, 65_000))).toEqual({ ok: false, refusal: "mandateDimensions" });
  });

  it("refuses a PNG with something appended after its end (a PNG that is also a ZIP)", async () => {
    expect(await inspectMandate(Buffer.concat([png(), zipBomb()]))).toEqual({ ok: false, refusal: "mandateMalformed" });
  });
});

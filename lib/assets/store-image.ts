import sharp, { type OutputInfo } from "sharp";
import type { Database, Transaction } from "@/lib/db/client";
import { AppError, type ErrorKey } from "@/lib/errors";

/** What an uploaded image is for, and how it is kept. */
export const IMAGE_KINDS = {
  logo: { maxWidth: 480, maxHeight: 160, format: "png" },
  favicon: { maxWidth: 64, maxHeight: 64, format: "png", square: true },
  cover: { maxWidth: 1600, maxHeight: 900, format: "webp" },
} as const;

export type ImageKind = keyof typeof IMAGE_KINDS;

/** Uploads larger than this are refused before being decoded. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: string; test: (bytes: Buffer) => boolean }[] = [
  { type: "image/png", test: (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: "image/jpeg", test: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff },
  { type: "image/webp", test: (bytes) => bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP" },
  { type: "image/gif", test: (bytes) => bytes.subarray(0, 6).toString("latin1").startsWith("GIF8") },
];

export type PreparedImage = { contentType: string; bytes: Uint8Array<ArrayBuffer>; width: number; height: number };

/**
 * Checks an uploaded image and makes the re-encoded, resized copy to store (never the uploaded bytes: no
 * metadata, no hidden payload, no SVG scripts). The type is read from the file's own bytes, not from what the
 * browser claimed. Refused with a field error: empty, too large, not PNG/JPEG/WebP/GIF, or undecodable.
 * Done before any transaction: decoding a large photo takes a while, and nothing should wait for it.
 */
export async function prepareImage(options: { kind: ImageKind; file: Blob | null | undefined; field: string }): Promise<PreparedImage> {
  const { kind, file, field } = options;
  const refuse = (key: ErrorKey) => new AppError("INVALID", "invalidFields", { fieldErrors: { [field]: [key] } });
  if (!file || file.size === 0) throw refuse("imageRequired");
  if (file.size > MAX_UPLOAD_BYTES) throw refuse("imageTooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!SIGNATURES.some((signature) => signature.test(bytes))) throw refuse("imageTypeInvalid");
  const spec = IMAGE_KINDS[kind];
  let output: { data: Buffer; info: OutputInfo };
  try {
    const pipeline = sharp(bytes, { limitInputPixels: 40_000_000, animated: false })
      .rotate()
      .resize({ width: spec.maxWidth, height: spec.maxHeight, fit: "square" in spec ? "cover" : "inside", withoutEnlargement: !("square" in spec) });
    output = await (spec.format === "webp" ? pipeline.webp({ quality: 80 }) : pipeline.png()).toBuffer({ resolveWithObject: true });
  } catch {
    throw refuse("imageUnreadable");
  }
  return {
    contentType: spec.format === "webp" ? "image/webp" : "image/png",
    bytes: new Uint8Array(output.data),
    width: output.info.width,
    height: output.info.height,
  };
}

/** Stores a prepared image, in the caller's transaction. */
export async function storeImage(tx: Transaction | Database, image: PreparedImage): Promise<{ id: string }> {
  return tx.asset.create({ data: image, select: { id: true } });
}

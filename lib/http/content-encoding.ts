import { promisify } from "node:util";
import { brotliCompress, brotliDecompressSync, constants, crc32, deflate, deflateRaw, deflateRawSync, gunzipSync, gzip, inflateSync } from "node:zlib";

const gzipAsync = promisify(gzip);
const deflateAsync = promisify(deflate);
const brotliAsync = promisify(brotliCompress);
const deflateRawAsync = promisify(deflateRaw);

/** The text of a response body sent with this Content-Encoding (gzip, br, deflate, or none). */
export function decodeBody(body: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? "").toLowerCase()) {
    case "gzip":
      return gunzipSync(body).toString("utf8");
    case "br":
      return brotliDecompressSync(body).toString("utf8");
    case "deflate":
      return inflateSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

/**
 * `text` compressed for this Content-Encoding, off the event loop (zlib's thread pool). For a page made for one
 * reader and sent once, at a level that costs about as much as one database query; for a page that is sent to
 * many ("shared"), at zlib's default level, as Next.js compresses.
 */
export async function encodeBody(text: string, encoding: string | undefined, sentTo: "one" | "shared" = "one"): Promise<Buffer> {
  const input = Buffer.from(text, "utf8");
  const level = sentTo === "shared" ? 6 : 4;
  switch ((encoding ?? "").toLowerCase()) {
    case "gzip":
      return gzipAsync(input, { level });
    case "br":
      return brotliAsync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: level, [constants.BROTLI_PARAM_SIZE_HINT]: input.length } });
    case "deflate":
      return deflateAsync(input, { level });
    default:
      return input;
  }
}

/**
 * A gzip body whose beginning and end are compressed once, around a middle compressed for each response. Deflate
 * data may be cut into independently compressed runs of blocks: each run before the last ends on a flush point
 * (byte-aligned, not final), so they follow one another in one stream — as pigz compresses in parallel. The gzip
 * trailer's CRC-32 is carried over the three parts in order.
 */
export type GzipFrame = { head: Buffer; tail: Buffer; headCrc: number; headLength: number; after: Buffer };

/** Sizes, in bytes, of what a {@link GzipFrame} holds. */
export function gzipFrameBytes(frame: GzipFrame): number {
  return frame.head.length + frame.tail.length + frame.after.length;
}

export function gzipFrame(before: string, after: string): GzipFrame {
  const head = Buffer.from(before, "utf8");
  const tail = Buffer.from(after, "utf8");
  return {
    head: deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }),
    tail: deflateRawSync(tail),
    headCrc: crc32(head),
    headLength: head.length,
    after: tail,
  };
}

/** The gzip body of `frame` with `middle` between its beginning and end, compressing only `middle` (off the event loop). */
export async function gzipWithin(frame: GzipFrame, middle: string): Promise<Buffer> {
  const text = Buffer.from(middle, "utf8");
  const deflated = await deflateRawAsync(text, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crcAfter(frame.after, crcAfter(text, frame.headCrc)), 0);
  trailer.writeUInt32LE((frame.headLength + text.length + frame.after.length) % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, frame.head, deflated, frame.tail, trailer]);
}

/** The CRC-32 of what came before followed by `data` (Node's crc32 forgets the start value for empty data). */
function crcAfter(data: Buffer, start: number): number {
  return data.length === 0 ? start : crc32(data, start);
}

/** Deflate, no name, no time, unknown system (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

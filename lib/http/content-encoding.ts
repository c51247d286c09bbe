import { promisify } from "node:util";
import { brotliCompress, brotliDecompressSync, constants, deflate, gunzipSync, gzip, inflateSync } from "node:zlib";

const gzipAsync = promisify(gzip);
const deflateAsync = promisify(deflate);
const brotliAsync = promisify(brotliCompress);

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
 * `text` compressed for this Content-Encoding, off the event loop (zlib's thread pool), at a level that costs
 * about as much as one database query: for a page made for one reader, sent once.
 */
export async function encodeBody(text: string, encoding: string | undefined): Promise<Buffer> {
  const input = Buffer.from(text, "utf8");
  switch ((encoding ?? "").toLowerCase()) {
    case "gzip":
      return gzipAsync(input, { level: 4 });
    case "br":
      return brotliAsync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: input.length } });
    case "deflate":
      return deflateAsync(input, { level: 4 });
    default:
      return input;
  }
}

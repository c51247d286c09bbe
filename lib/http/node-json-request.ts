import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";
import type { BodyReader, HeaderSource } from "./json-request";

/** Node's request headers read as a `Headers` would be: a repeated header joined with ", ". */
export function nodeHeaders(headers: IncomingHttpHeaders): HeaderSource {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * Node's request body, read up to the limit. Past it, reading stops and what the client still sends is discarded
 * as it arrives (as Node does for any body a handler did not read), never kept.
 */
export function nodeBody(request: IncomingMessage): BodyReader {
  return (maxBytes) =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.off("data", onData).off("end", onEnd).off("error", onError).resume();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => resolve(Buffer.concat(chunks));
      // A client that leaves mid-body (or a proxy that cuts it): a 400 nobody may read, not an error to log.
      const onError = () => reject(new AppError("INVALID", "bodyIncomplete"));
      request.on("data", onData).on("end", onEnd).on("error", onError).once("close", onError);
    });
}

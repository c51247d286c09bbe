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
      let settled = false;
      // The listeners for the end and for errors stay on: an error after the answer (the client resetting while
      // the rest of a refused body is dropped) must still find one.
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        request.off("data", onData);
        outcome();
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
        else settle(() => resolve(null));
      };
      request.on("data", onData);
      request.on("end", () => settle(() => resolve(Buffer.concat(chunks))));
      // A client that leaves mid-body (or a proxy that cuts it): a 400 nobody may read, not an error to log.
      const gone = () => settle(() => reject(new AppError("INVALID", "bodyIncomplete")));
      request.on("error", gone).on("close", gone);
    });
}

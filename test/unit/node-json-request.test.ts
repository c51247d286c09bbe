// How the production server reads a JSON API body from Node's request (lib/http/node-json-request.ts), on a real
// HTTP server and real connections: the whole body, a body past the limit (refused as soon as it passes, the rest
// dropped, the connection kept), a client that leaves mid-body, and the headers as a `Headers` would read them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { nodeBody, nodeHeaders } from "@/lib/http/node-json-request";

const LIMIT = 1024;
/** What the server's reader gave for each request, by the request's path. */
const outcomes = new Map<string, { bytes: string | null } | { error: string }>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    nodeBody(request)(LIMIT).then(
      (bytes) => {
        outcomes.set(request.url!, { bytes: bytes === null ? null : Buffer.from(bytes).toString("utf8") });
        response.writeHead(bytes === null ? 413 : 200).end(bytes === null ? "too large" : "ok");
      },
      (error: unknown) => {
        outcomes.set(request.url!, { error: isAppError(error) ? error.messageKey : String(error) });
        if (!response.headersSent) response.writeHead(400).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

/** Sends the chunks (no Content-Length: chunked); with `holdEnd`, the body is ended only once the answer came. */
function post(path: string, chunks: string[], holdEnd = false) {
  return new Promise<{ status: number; reusedSocket: boolean }>((resolve, reject) => {
    const sent = http.request(`${base}${path}`, { method: "POST", agent }, (response) => {
      if (holdEnd) sent.end("and the rest");
      response.resume().on("end", () => resolve({ status: response.statusCode!, reusedSocket: sent.reusedSocket }));
    });
    sent.on("error", reject);
    for (const chunk of chunks) sent.write(chunk);
    if (!holdEnd) sent.end();
  });
}

describe("the production server's JSON body reader", () => {
  it("reads a body in pieces whole, up to the limit exactly", async () => {
    const body = "é".repeat(LIMIT / 2);
    expect(await post("/whole", [body.slice(0, 100), body.slice(100)])).toMatchObject({ status: 200 });
    expect(outcomes.get("/whole")).toEqual({ bytes: body });
  });

  it("refuses a body as soon as it passes the limit, without waiting for its end, and the connection goes on", async () => {
    expect(await post("/over", ["x".repeat(LIMIT), "y"], true)).toMatchObject({ status: 413 });
    expect(outcomes.get("/over")).toEqual({ bytes: null });
    expect(await post("/after", ["{}"])).toEqual({ status: 200, reusedSocket: true });
  });

  it("tells a client that left mid-body apart from a bad body, without an error to log", async () => {
    const { port } = server.address() as AddressInfo;
    const { connect } = await import("node:net");
    const socket = connect(port, "127.0.0.1", () => {
      socket.write('POST /left HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"authorName":');
      setTimeout(() => socket.destroy(), 100);
    });
    await expect.poll(() => outcomes.get("/left")).toEqual({ error: "bodyIncomplete" });
  });

  it("reads headers as a Headers object does: any case, a repeated one joined, a missing one null", () => {
    const headers = nodeHeaders({ "content-type": "application/json", "x-forwarded-for": ["a", "b"] as unknown as string });
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(headers.get("x-forwarded-for")).toBe("a, b");
    expect(headers.get("origin")).toBeNull();
  });
});

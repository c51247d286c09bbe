// Production HTTP server: Next.js behind a thin layer that establishes the client's address.
// Next.js trusts any X-Forwarded-For a client sends; here it is replaced by the socket's address,
// or, behind TRUST_PROXY_HOPS reverse proxies, by the address the nearest trusted proxy saw.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS ?? 0);

export function clientAddress(forwardedFor, socketAddress, hops) {
  if (hops <= 0 || !forwardedFor) return socketAddress ?? "unknown";
  const chain = String(forwardedFor).split(",").map((part) => part.trim()).filter(Boolean);
  // Each trusted proxy appended the address it saw; the client is `hops` entries from the end.
  return chain[Math.max(0, chain.length - hops)] ?? socketAddress ?? "unknown";
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-forwarded-for"] = clientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustedHops);
  handle(request, response);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Debrief is ready on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

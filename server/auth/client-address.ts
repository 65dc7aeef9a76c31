import http from "node:http";

/**
 * The request header that carries the client's address, as this app determined it. It is set on every request
 * the server receives (replacing whatever the client sent under that name), so it can be trusted.
 */
export const CLIENT_ADDRESS_HEADER = "x-chronoboard-client-address";

/**
 * TRUST_PROXY: how many reverse proxies in front of the app append the address they received from to
 * X-Forwarded-For. Unset or 0: the header is the client's own word and is ignored; the TCP peer is the client.
 */
export function trustedProxyHops(setting = process.env.TRUST_PROXY): number {
  if (!setting) return 0;
  const hops = Number(setting);
  if (!Number.isInteger(hops) || hops < 0 || hops > 16) throw new Error(`TRUST_PROXY must be a number of proxies (0-16), not "${setting}"`);
  return hops;
}

/**
 * The client's address: the TCP peer, or, behind `hops` trusted proxies, the address the outermost of them
 * received the request from (each appends to X-Forwarded-For what it saw, so the entries right of it are
 * theirs and anything left of it is the client's own claim). Fewer entries than proxies: the leftmost.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const forwarded = hops > 0 && forwardedFor ? forwardedFor.split(",").map((entry) => entry.trim()).filter(Boolean) : [];
  const chain = [...forwarded, peer || "unknown"];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

const stamped = Symbol.for("chronoboard.clientAddressStamped");

/**
 * Stamps CLIENT_ADDRESS_HEADER on every request an HTTP server of this process receives, before Next.js sees
 * it: a route handler's Request does not carry the socket's address, and Next.js keeps a client's own
 * X-Forwarded-For as it came.
 */
export function stampClientAddresses(hops = trustedProxyHops()) {
  const proto = http.Server.prototype as http.Server & { [stamped]?: boolean };
  if (proto[stamped]) return;
  proto[stamped] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const forwarded = req.headers["x-forwarded-for"];
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, hops);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

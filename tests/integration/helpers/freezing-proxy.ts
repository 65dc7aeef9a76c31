import net from "node:net";

/**
 * A TCP proxy to PostgreSQL whose connections can be frozen: nothing passes any more either way and neither
 * side is told, as with a half-open connection (a network partition, a host that vanished). The client's
 * connection stays open while the server may already have ended the session behind it.
 */
export async function freezingProxy(target: string) {
  const url = new URL(target);
  const sockets: { client: net.Socket; upstream: net.Socket; frozen: boolean }[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(url.port || 5432), url.hostname);
    const pair = { client, upstream, frozen: false };
    sockets.push(pair);
    client.on("data", (chunk) => void (pair.frozen || upstream.write(chunk)));
    upstream.on("data", (chunk) => void (pair.frozen || client.write(chunk)));
    client.on("close", () => pair.frozen || upstream.destroy());
    upstream.on("close", () => pair.frozen || client.destroy());
    client.on("error", () => {});
    upstream.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(target);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    /** Freezes every connection open now; new ones pass. */
    freeze: () => sockets.forEach((pair) => (pair.frozen = true)),
    close: () => {
      sockets.forEach(({ client, upstream }) => (client.destroy(), upstream.destroy()));
      server.close();
    },
  };
}

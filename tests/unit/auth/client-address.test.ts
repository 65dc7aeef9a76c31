import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, stampClientAddresses, trustedProxyHops } from "../../../server/auth/client-address";

describe("the client's address", () => {
  it("is the TCP peer unless proxies are trusted: X-Forwarded-For is then the client's own claim", () => {
    expect(clientAddressOf("10.0.0.5", "203.0.113.9", 0)).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.5", undefined, 0)).toBe("10.0.0.5");
    expect(clientAddressOf(undefined, "203.0.113.9", 0)).toBe("unknown");
  });

  it("behind TRUST_PROXY proxies is the entry the outermost one appended, whatever the client put before it", () => {
    // client → proxy (appends the client's address) → app
    expect(clientAddressOf("10.0.0.5", "198.51.100.1", 1)).toBe("198.51.100.1");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.1", 1)).toBe("198.51.100.1");
    // client → CDN → load balancer → app
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.1, 172.16.0.9", 2)).toBe("198.51.100.1");
    // Fewer entries than proxies: the leftmost there is.
    expect(clientAddressOf("10.0.0.5", undefined, 1)).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.5", "198.51.100.1", 3)).toBe("198.51.100.1");
  });

  it("reads TRUST_PROXY as a count of proxies and refuses anything else", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("true")).toThrow(/TRUST_PROXY/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUST_PROXY/);
  });

  it("is stamped on every request a server of the process receives, replacing what the client sent under that name", async () => {
    stampClientAddresses(0);
    const server = http.createServer((req, res) => res.end(String(req.headers[CLIENT_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "203.0.113.10" } });
      expect(await response.text()).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});

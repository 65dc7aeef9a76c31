import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../server/api/http/request-guards";
import { trpcHandler } from "../../../server/api/http/trpc-handler";

const url = "http://127.0.0.1:3000/api/trpc/project.create";
const body = JSON.stringify({ json: { commandId: randomUUID(), name: "Forged" } });

describe("the tRPC endpoint", () => {
  it("refuses a mutation whose Origin is another site, or that Fetch Metadata calls cross-site", async () => {
    const forged = await trpcHandler(new Request(url, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, body }));
    expect(forged.status).toBe(403);
    const crossSite = await trpcHandler(new Request(url, { method: "POST", headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" }, body }));
    expect(crossSite.status).toBe(403);
    // From the app's own origin the request reaches tRPC, which wants a session.
    const own = await trpcHandler(new Request(url, { method: "POST", headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" }, body }));
    expect(own.status).toBe(401);
  });

  it("refuses a body over the limit with 413, by its Content-Length or as it streams in", async () => {
    const big = JSON.stringify({ json: { commandId: randomUUID(), name: "x".repeat(MAX_BODY_BYTES) } });
    const declared = await trpcHandler(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: big }));
    expect(declared.status).toBe(413);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const streamed = await trpcHandler(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit));
    expect(streamed.status).toBe(413);
    const small = await trpcHandler(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body }));
    expect(small.status).toBe(401);
  });
});

/** Bodies above this are refused with 413 before anything parses them (the largest input, a description, is 20,000 characters). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Refuses a state-changing request that a browser sent from another site: its Origin is not the app's
 * (the origin the request was addressed to, or BETTER_AUTH_URL's), or Fetch Metadata says cross-site.
 * The SameSite=Lax cookie already keeps the session out of such requests; this is the second lock.
 * Clients that are not browsers send no Origin and are let through (they carry no ambient cookie).
 */
export function crossSiteRefusal(req: Request): Response | null {
  const origin = req.headers.get("origin");
  const own = [new URL(req.url).origin, process.env.BETTER_AUTH_URL && new URL(process.env.BETTER_AUTH_URL).origin];
  const site = req.headers.get("sec-fetch-site");
  if ((origin && !own.includes(origin)) || site === "cross-site" || site === "same-site") {
    return Response.json({ error: { message: "Cross-site requests are not accepted", code: "FORBIDDEN" } }, { status: 403 });
  }
  return null;
}

/**
 * The request with its body read (up to MAX_BODY_BYTES), or a 413 answer. Content-Length is checked
 * first; a chunked body is counted as it arrives and reading stops at the limit.
 */
export async function withLimitedBody(req: Request): Promise<Request | Response> {
  if (!req.body) return req;
  const body = await limitedBody(req, MAX_BODY_BYTES);
  if (!body) return Response.json({ error: { message: `Request body over ${MAX_BODY_BYTES} bytes`, code: "PAYLOAD_TOO_LARGE" } }, { status: 413 });
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
}

/** The request's body, or null when it is over `limit` bytes (by Content-Length, or counted as it arrives). */
export async function limitedBody(req: Request, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) return null;
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH } from "../../../server/audit/chain-hash";
import { linkHash } from "../../../scripts/verifier/chain";
import { envelope } from "./worked-envelope";

// The worked example of README "Audit trail": the envelope and its RFC 8785 bytes, written out by hand.
const canonical =
  '{"aggregateId":"0b7e3c2a-5d41-4f0e-8c3b-7a9d1e2f3a40","aggregateType":"task","eventId":"6f1c1f3e-8a53-4c1e-9d6b-2b4a57a0c001",' +
  '"eventType":"TaskRenamed","eventVersion":1,"metadata":{"causationId":"c1","correlationId":"r1","userId":"u1"},' +
  '"payload":{"title":"Größe – “quoted”\\n"},"position":42,"projectId":"c0ffee00-0000-4000-8000-000000000001",' +
  '"timestamp":"2026-03-01T09:30:00.123456Z","version":3}';

describe("the chain hash", () => {
  it("is SHA-256 of the previous hash's 32 bytes followed by the envelope's RFC 8785 UTF-8 bytes", () => {
    const expected = createHash("sha256").update(Buffer.alloc(32)).update(Buffer.from(canonical, "utf8")).digest("hex");
    expect(GENESIS_HASH).toBe("0".repeat(64));
    expect(chainHash(GENESIS_HASH, envelope)).toBe(expected);
    // Also what `sha256sum` gives for 32 zero bytes followed by `canonical` (README).
    expect(expected).toBe("b8ab712e57d356e3140d587f720ebcc58fc24d70ec76afddc24d45e9cffbe93e");
  });

  it("is computed alike by the standalone verifier", () => {
    const prev = chainHash(GENESIS_HASH, envelope);
    expect(linkHash(prev, { ...envelope })).toBe(chainHash(prev, envelope));
    expect(chainHash(prev, envelope)).not.toBe(chainHash(GENESIS_HASH, envelope));
  });
});

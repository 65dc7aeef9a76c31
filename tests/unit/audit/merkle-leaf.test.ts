import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { leafBytes, payloadDigest } from "../../../server/audit/merkle/leaf";
import { leafHash } from "../../../server/audit/merkle/tree-hash";
import { envelope } from "./worked-envelope";

// The README's worked example ("Merkle tree and signed checkpoints"), with the shell commands it gives.
const salt = "00112233445566778899aabbccddeeff";
const leaf =
  '{"aggregateId":"0b7e3c2a-5d41-4f0e-8c3b-7a9d1e2f3a40","aggregateType":"task","eventId":"6f1c1f3e-8a53-4c1e-9d6b-2b4a57a0c001","eventType":"TaskRenamed","eventVersion":1,"metadata":{"causationId":"c1","correlationId":"r1","userId":"u1"},"payloadDigest":"87134eb82a2c8444517d16f8332659cbf7ea24644c1ba9a878e1f2514d2e1101","position":42,"projectId":"c0ffee00-0000-4000-8000-000000000001","timestamp":"2026-03-01T09:30:00.123456Z","version":3}';

const sh = (script: string, ...args: string[]) => execFileSync("bash", ["-c", script, "bash", ...args], { encoding: "utf8" }).split(" ")[0];

describe("the Merkle leaf of the README's worked example", () => {
  it("has the payload digest, leaf and leaf hash the README gives, as sha256sum computes them", () => {
    expect(payloadDigest(salt, envelope.payload)).toBe("87134eb82a2c8444517d16f8332659cbf7ea24644c1ba9a878e1f2514d2e1101");
    expect(
      sh(`{ printf '\\x00\\x11\\x22\\x33\\x44\\x55\\x66\\x77\\x88\\x99\\xaa\\xbb\\xcc\\xdd\\xee\\xff'; printf '%s' '{"title":"Größe – “quoted”\\n"}'; } | sha256sum`),
    ).toBe("87134eb82a2c8444517d16f8332659cbf7ea24644c1ba9a878e1f2514d2e1101");
    expect(leafBytes(envelope, salt).toString("utf8")).toBe(leaf);
    expect(leafHash(leafBytes(envelope, salt)).toString("hex")).toBe("92076c010d56b803bad19425af0c96152115e5b73ffbe1cfc705c2a1b53e66e0");
    expect(sh(`{ printf '\\x00'; printf '%s' "$1"; } | sha256sum`, leaf)).toBe("92076c010d56b803bad19425af0c96152115e5b73ffbe1cfc705c2a1b53e66e0");
  });
});

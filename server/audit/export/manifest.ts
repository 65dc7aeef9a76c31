import { sign } from "node:crypto";
import canonicalize from "canonicalize";
import type { ExportFormat } from "../../domain";
import { GENESIS_HASH } from "../chain-hash";
import type { SigningKey } from "../checkpoints/signing-key";
import type { ExportProof } from "./proof";
import type { ChainSegment, ExportRange } from "./segment";

/** A file of the archive with the SHA-256 of its bytes. */
export interface HashedFile {
  name: string;
  sha256: string;
}

/**
 * manifest.json: what the archive holds and the values a verifier checks it against, in RFC 8785 form and
 * signed (Ed25519 over the canonical form without `signature`) by the installation's key: every other
 * file is named here with its SHA-256, so every byte of the archive's files is covered.
 */
export interface ExportManifest {
  format: "chronoboard-audit-export/2";
  project: { id: string; name: string };
  /** The range asked for, as UTC instants with microseconds: from inclusive, to exclusive. */
  range: ExportRange;
  eventCount: number;
  firstPosition: number | null;
  lastPosition: number | null;
  /** The chain's hash just before the first exported record (the genesis value if the range starts the chain). */
  hashBeforeRange: string;
  /** The hash of the last exported record. */
  lastHash: string;
  eventsFile: HashedFile & { format: ExportFormat };
  /** Display names of the records' authors at export time: the server's word, not part of the log. */
  authorsFile: HashedFile;
  verifyFile: HashedFile;
  chain: { hash: "SHA-256"; canonicalization: "RFC 8785 (JCS)"; genesis: string };
  tree: ExportProof;
  /** The public keys (SPKI PEM) of every signature in this manifest, by fingerprint. */
  publicKeys: Record<string, string>;
  generatedAt: string;
  generatedBy: { userId: string; name: string };
  /** The ExportGenerated event that records this export in the project's log. */
  exportEventId: string;
  keyFingerprint: string;
}

export interface ManifestInput {
  project: { id: string; name: string };
  range: ExportRange;
  segment: ChainSegment;
  proof: ExportProof;
  format: ExportFormat;
  generatedAt: Date;
  generatedBy: { userId: string; name: string };
  exportEventId: string;
  signingKey: SigningKey;
  publicKeys: Record<string, string>;
}

/** The manifest's bytes: its canonical form with the signature, and a line end. */
export function signedManifest(input: ManifestInput, files: { eventsFile: HashedFile; authorsFile: HashedFile; verifyFile: HashedFile }): Buffer {
  const { segment, proof } = input;
  const manifest: ExportManifest = {
    format: "chronoboard-audit-export/2",
    project: input.project,
    range: input.range,
    eventCount: segment.eventCount,
    firstPosition: segment.firstPosition,
    lastPosition: segment.lastPosition,
    hashBeforeRange: segment.hashBeforeRange,
    lastHash: segment.lastHash,
    eventsFile: { ...files.eventsFile, format: input.format },
    authorsFile: files.authorsFile,
    verifyFile: files.verifyFile,
    chain: { hash: "SHA-256", canonicalization: "RFC 8785 (JCS)", genesis: GENESIS_HASH },
    tree: proof,
    publicKeys: input.publicKeys,
    generatedAt: input.generatedAt.toISOString(),
    generatedBy: input.generatedBy,
    exportEventId: input.exportEventId,
    keyFingerprint: input.signingKey.fingerprint,
  };
  const signature = sign(null, Buffer.from(canonicalize(manifest)!, "utf8"), input.signingKey.privateKey).toString("base64");
  return Buffer.from(`${canonicalize({ ...manifest, signature })}\n`, "utf8");
}

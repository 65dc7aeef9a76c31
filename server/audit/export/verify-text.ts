/** VERIFY.txt: how to check the archive, with or without Chronoboard's verifier. */
export function verifyText(eventsFileName: string): string {
  return `How to verify this export
=========================

With Chronoboard's verifier (no database needed; the key from GET /api/v1/audit/public-key or
npm run audit:public-key, obtained from the installation by a channel you trust):

    npm run verify -- <this archive>.zip --key chronoboard-audit-key.pem      (or --fingerprint <hex>)
    npm run verify -- <this archive>.zip --since <an earlier export>.zip --key …

It prints "verified: N events, …" and exits 0, or what fails and exits 1.

By hand, or with your own tool (README, "Audit trail", has the exact definitions):

1. The archive holds exactly manifest.json, ${eventsFileName}, authors.json and VERIFY.txt, each once.
2. manifest.json is one JSON object in RFC 8785 (JCS) form. Its "signature" is Ed25519 (base64) over the JCS
   form of the manifest without "signature", by the key whose fingerprint (SHA-256 of the 32 raw public key
   bytes) is "keyFingerprint"; manifest.publicKeys holds the keys, but trust only a key you obtained yourself.
3. The SHA-256 of ${eventsFileName}, authors.json and VERIFY.txt equal the manifest's eventsFile, authorsFile and
   verifyFile.
4. Each record is an event envelope plus salt, prevHash and hash, each NDJSON line in JCS form.
   hash = SHA-256( prevHash as 32 bytes || UTF-8 of the JCS form of the envelope ); the first prevHash is
   hashBeforeRange (64 zeros when the range starts the project's log), each later one the hash before it;
   the last hash is lastHash; eventCount records.
5. Merkle tree (RFC 9162 section 2.1): the record's leaf is the JCS form of the envelope with "payload" replaced
   by "payloadDigest" = hex SHA-256( salt as 16 bytes || JCS(payload) ); leaf hash SHA-256(0x00 || leaf), node
   hash SHA-256(0x01 || left || right). The records are leaves tree.firstLeafIndex onward; with tree.leftEdge
   before them and tree.rightEdge after them they make the root of tree.checkpoint, a checkpoint signed like the
   manifest (signature over the JCS form without "signature").
6. tree.checkpointBeforeRange and tree.previousExport.checkpoint are earlier signed checkpoints, each with a
   consistency proof (RFC 9162 section 2.1.4) to tree.checkpoint.
7. In a CSV export, a text cell that would start with =, +, -, @ (or their full-width forms), a tab or a
   carriage return is written with an apostrophe (') in front, so that spreadsheets show it as text instead of
   running it as a formula: remove that one apostrophe before use. The hashes cover the stored values, never
   the apostrophe.

Not covered by any signature or hash: the zip container itself (entry dates, comments, compression). The names
in authors.json are covered by the manifest's signature but are the installation's word at export time: they
are not part of the log and not in any checkpoint.
`;
}

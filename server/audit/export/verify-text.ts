/** VERIFY.txt: how to check the archive, with or without Chronoboard's verifier. */
export function verifyText(eventsFileName: string): string {
  return `How to verify this export
=========================

With Chronoboard's verifier (no database needed):

    npm run verify -- <this archive>.zip

It prints "verified: N events, chain head <hash>" and exits 0, or names the first record that fails and exits 1.

By hand, or with your own tool:

1. SHA-256 of ${eventsFileName} must equal manifest.json eventsFile.sha256.
2. Each record (one JSON object per line, or one CSV row whose payload and metadata cells hold JSON) is an event
   envelope plus userName, prevHash and hash. The envelope is the record without those three fields, with
   position, eventVersion and version as numbers and payload and metadata as JSON values. In the CSV, a text
   cell that would start with =, +, -, @ (or their full-width forms ＝ ＋ － ＠), a tab or a carriage return is
   written with an apostrophe (') in front, so that spreadsheets show it as text instead of running it as a
   formula: remove that one apostrophe before use. The hashes cover the stored values, never the apostrophe.
3. hash = SHA-256( prevHash as 32 bytes || UTF-8 bytes of the envelope canonicalised per RFC 8785 (JCS) ),
   written as 64 lowercase hex digits.
4. The first record's prevHash is manifest.json hashBeforeRange (64 zeros when the range starts the project's
   chain); every later record's prevHash is the hash of the record before it; the last hash is manifest.json
   lastHash; the number of records is eventCount.
5. To tie the archive to the live system, compare lastHash with the ExportGenerated event exportEventId names,
   or with the chain shown by Chronoboard's integrity check.

userName is the author's display name at export time and is not covered by the hashes.
`;
}

import canonicalize from "canonicalize";
import { stringify } from "csv-stringify/sync";
import type { ExportFormat } from "../../domain";
import type { SealedEvent } from "../sealed-events";

/**
 * One exported record: the stored envelope (what the chain hashes), then the salt of the payload's
 * commitment in the Merkle leaf and the record's link. Verifiers rebuild the envelope by leaving out the
 * last three fields. Authors' names are not records' fields: they are in authors.json.
 */
export const RECORD_FIELDS = [
  "position",
  "timestamp",
  "eventId",
  "eventType",
  "eventVersion",
  "aggregateType",
  "aggregateId",
  "version",
  "projectId",
  "payload",
  "metadata",
  "salt",
  "prevHash",
  "hash",
] as const;

function record(link: SealedEvent) {
  return { ...link.envelope, salt: link.salt, prevHash: link.prevHash, hash: link.hash };
}

/** Writes the events file piece by piece: its opening, then one chunk per batch of records. */
export interface EventsFileWriter {
  name: string;
  opening: string;
  batch: (links: SealedEvent[]) => string;
}

const ndjson: EventsFileWriter = {
  name: "events.ndjson",
  opening: "",
  // Each line in RFC 8785 form: a verifier refuses any other (duplicate members, a number written two ways).
  batch: (links) => links.map((link) => `${canonicalize(record(link))}\n`).join(""),
};

// RFC 4180 line ends; a byte order mark so that spreadsheets read the UTF-8 text (names, titles) right. A text cell
// that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading ' (VERIFY.txt says how a
// verifier reads it); number cells and the JSON cells never start so, and the hashes cover the stored values.
const csvOptions = { record_delimiter: "\r\n", escape_formulas: true } as const;
const csv: EventsFileWriter = {
  name: "events.csv",
  opening: `\ufeff${stringify([[...RECORD_FIELDS]], csvOptions)}`,
  batch: (links) =>
    stringify(
      links.map((link) => {
        const r = record(link);
        return RECORD_FIELDS.map((field) =>
          field === "payload" || field === "metadata" ? canonicalize(r[field]) : (r[field] ?? ""),
        );
      }),
      csvOptions,
    ),
};

export const eventsFileWriters: Record<ExportFormat, EventsFileWriter> = { ndjson, csv };

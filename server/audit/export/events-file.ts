import { stringify } from "csv-stringify/sync";
import type { ExportFormat } from "../../domain";
import type { SealedEvent } from "../sealed-events";

/**
 * One exported record: the stored envelope (what the chain hashes), then the author's display name and the
 * record's link. Verifiers rebuild the envelope by leaving out the last three fields.
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
  "userName",
  "prevHash",
  "hash",
] as const;

function record(link: SealedEvent) {
  return { ...link.envelope, userName: link.userName, prevHash: link.prevHash, hash: link.hash };
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
  batch: (links) => links.map((link) => `${JSON.stringify(record(link))}\n`).join(""),
};

// RFC 4180 line ends; a byte order mark so that spreadsheets read the UTF-8 text (names, titles) right.
const csvOptions = { record_delimiter: "\r\n" } as const;
const csv: EventsFileWriter = {
  name: "events.csv",
  opening: `\ufeff${stringify([[...RECORD_FIELDS]], csvOptions)}`,
  batch: (links) =>
    stringify(
      links.map((link) => {
        const r = record(link);
        return RECORD_FIELDS.map((field) =>
          field === "payload" || field === "metadata" ? JSON.stringify(r[field]) : (r[field] ?? ""),
        );
      }),
      csvOptions,
    ),
};

export const eventsFileWriters: Record<ExportFormat, EventsFileWriter> = { ndjson, csv };

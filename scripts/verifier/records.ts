import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import canonicalize from "canonicalize";
import { parse } from "csv-parse";

/** The columns of an export record, in CSV order: the envelope the chain hashes, then three more. */
const ENVELOPE_FIELDS = "position timestamp eventId eventType eventVersion aggregateType aggregateId version projectId payload metadata".split(" ");
const RECORD_FIELDS = [...ENVELOPE_FIELDS, "salt", "prevHash", "hash"];
const NUMBER_FIELDS = new Set(["position", "eventVersion", "version"]);
const JSON_FIELDS = new Set(["payload", "metadata"]);
/**
 * A text cell that a spreadsheet would run as a formula is written with a ' in front (VERIFY.txt): one ' before
 * =, +, -, @ (or their full-width forms), a tab or a carriage return is not part of the value.
 */
const NEUTRALISED_FORMULA = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

export interface ExportedRecord {
  envelope: Record<string, unknown>;
  salt: unknown;
  prevHash: unknown;
  hash: unknown;
}

/** A record that cannot be read; n counts records from 1 (none for the CSV header). */
export class RecordError extends Error {
  constructor(
    readonly n: number | null,
    reason: string,
  ) {
    super(reason);
  }
}

function toRecord(n: number, fields: Record<string, unknown>): ExportedRecord {
  const keys = Object.keys(fields);
  const odd = keys.filter((k) => !RECORD_FIELDS.includes(k));
  const missing = RECORD_FIELDS.filter((k) => !keys.includes(k));
  if (odd.length || missing.length) {
    throw new RecordError(n, `unexpected fields [${odd.join(", ")}], missing fields [${missing.join(", ")}]`);
  }
  return {
    envelope: Object.fromEntries(ENVELOPE_FIELDS.map((k) => [k, fields[k]])),
    salt: fields.salt,
    prevHash: fields.prevHash,
    hash: fields.hash,
  };
}

/**
 * One JSON object per line, each in its RFC 8785 form: a line written any other way (a duplicated member,
 * which JSON.parse would quietly resolve, spaces, members out of order, a number written otherwise) is refused.
 */
export async function* ndjsonRecords(input: Readable): AsyncGenerator<ExportedRecord> {
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n += 1;
    let fields: unknown;
    try {
      fields = JSON.parse(line);
    } catch {
      throw new RecordError(n, "the line is not valid JSON");
    }
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new RecordError(n, "the line is not a JSON object");
    if (canonicalize(fields) !== line) throw new RecordError(n, "the line is not in RFC 8785 canonical form (duplicate or unordered members, spacing, or number form)");
    yield toRecord(n, fields as Record<string, unknown>);
  }
}

/** RFC 4180 CSV with a header row; payload and metadata cells hold JSON, number columns digits, formulas neutralised. */
export async function* csvRecords(input: Readable): AsyncGenerator<ExportedRecord> {
  let header: string[] | null = null;
  let n = 0;
  for await (const row of input.pipe(parse({ bom: true })) as AsyncIterable<string[]>) {
    if (!header) {
      header = row;
      if (header.join(",") !== RECORD_FIELDS.join(",")) throw new RecordError(null, `the CSV header is not ${RECORD_FIELDS.join(",")}`);
      continue;
    }
    n += 1;
    if (row.length !== header.length) throw new RecordError(n, `the row has ${row.length} cells, not ${header.length}`);
    const fields: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const cell = row[i]!;
      if (NUMBER_FIELDS.has(name)) {
        if (!/^(0|[1-9]\d*)$/.test(cell)) throw new RecordError(n, `${name} is not a whole number`);
        fields[name] = Number(cell);
      } else if (JSON_FIELDS.has(name)) {
        try {
          fields[name] = JSON.parse(cell);
        } catch {
          throw new RecordError(n, `${name} is not valid JSON`);
        }
        if (canonicalize(fields[name]) !== cell) throw new RecordError(n, `${name} is not in RFC 8785 canonical form`);
      } else {
        fields[name] = cell.replace(NEUTRALISED_FORMULA, "");
      }
    });
    yield toRecord(n, fields);
  }
}

import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvRecords } from "../../../scripts/verifier/records";

const header = "position timestamp eventId eventType eventVersion aggregateType aggregateId version projectId payload metadata salt prevHash hash".split(" ");

describe("the offline verifier's CSV reader", () => {
  it("takes a neutralised formula cell back to the value the hash covers, and leaves other apostrophes alone", async () => {
    const row = [7, "2026-03-01T09:30:00.123456Z", "6f1c1f3e-8a53-4c1e-9d6b-2b4a57a0c001", "-Imported", 1, "'task", "0b7e3c2a-5d41-4f0e-8c3b-7a9d1e2f3a40", 3,
      "c0ffee00-0000-4000-8000-000000000001", JSON.stringify({ title: "=1+1" }), "{}", "00112233445566778899aabbccddeeff", "0".repeat(64), "1".repeat(64)];
    // Written as the export writes it.
    const text = `\ufeff${stringify([header, row], { record_delimiter: "\r\n", escape_formulas: true })}`;
    expect(text).toContain(",'-Imported,");
    const records = [];
    for await (const record of csvRecords(Readable.from([text]))) records.push(record);
    expect(records).toHaveLength(1);
    expect(records[0]!.envelope).toMatchObject({ position: 7, eventType: "-Imported", aggregateType: "'task", payload: { title: "=1+1" } });
  });
});

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../../components/analytics/csv";

describe("the analytics CSV", () => {
  it("writes no text cell a spreadsheet runs as a formula, and keeps numbers (negative ones too) as numbers", () => {
    const csv = toCsv({
      header: ["Column", "Task", "Days"],
      rows: [
        ['=HYPERLINK("http://evil.example","open me")', "+1", 2.5],
        ["@SUM(A1)", "-2", -1],
        ["\tTabbed", "\rReturn", null],
        ["Plain", "It's fine", 0],
      ],
    });
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && cell !== "-1")).toEqual([]);
    expect(rows.slice(1)).toEqual([
      [`'=HYPERLINK("http://evil.example","open me")`, "'+1", "2.5"],
      ["'@SUM(A1)", "'-2", "-1"],
      ["'\tTabbed", "'\rReturn", ""],
      ["Plain", "It's fine", "0"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { csvRecords } from "../../../server/import/csv-records";
import { assigneeNameOf, dueDateOf, headerMap, labelsOf, priorityOf } from "../../../server/import/export-columns";

describe("reading Trello's and Jira's export columns", () => {
  it("finds the fields under either tool's headers, in any case", () => {
    expect(headerMap(["Card ID", "Card Name", "Card Description", "List Name", "Labels", "Members", "Due Date"])).toEqual({
      title: "Card Name",
      description: "Card Description",
      column: "List Name",
      labels: "Labels",
      assignee: "Members",
      dueDate: "Due Date",
    });
    expect(headerMap(["summary", "STATUS", "Priority", "Assignee", "Due date"])).toMatchObject({ title: "summary", column: "STATUS", assignee: "Assignee" });
    expect(() => headerMap(["Issue key", "Status"])).toThrow("The file has no title column");
  });

  it("maps priorities, labels, due dates and the first member named", () => {
    expect(["Highest", "blocker", "High", "Medium", "Lowest", ""].map(priorityOf)).toEqual(["urgent", "urgent", "high", "medium", "low", "none"]);
    expect(priorityOf("P1")).toEqual({ error: 'Priority "P1" is not one of Highest, High, Medium, Low, Lowest' });
    expect(labelsOf("Bug (red), Feature (green), (blue), Bug (red)")).toEqual(["Bug", "Feature"]);
    expect(dueDateOf("2026-05-01T23:00:00.000Z")).toBe("2026-05-01");
    expect(dueDateOf("7/Jun/27 12:00 AM")).toBe("2027-06-07");
    expect(dueDateOf("")).toBeNull();
    expect(dueDateOf("05/06/2027")).toEqual({ error: 'Due date "05/06/2027" is not a date (use YYYY-MM-DD)' });
    expect(assigneeNameOf("Alice Liddell (alice), Bob")).toBe("Alice Liddell");
  });

  it("numbers each row by the line it starts on, past quoted line breaks and blank lines, and groups repeated headers", () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = ["\ufeffSummary,Labels,Labels", '"one', 'two",a,b', "", ",,", "three,c,", "", '"four', '",d,'].join(eol);
      expect(csvRecords(Buffer.from(text)).records, JSON.stringify(eol)).toEqual([
        { line: 2, cells: { Summary: "one\ntwo", Labels: ["a", "b"] } },
        { line: 6, cells: { Summary: "three", Labels: ["c", ""] } },
        { line: 8, cells: { Summary: "four\n", Labels: ["d", ""] } },
      ]);
    }
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { cmd, signedUpUser } from "../helpers/api";

const folder = mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
function csvFile(name: string, lines: string[]) {
  const file = path.join(folder, name);
  writeFileSync(file, lines.join("\n"));
  return file;
}
const cli = (...args: string[]) => spawnSync("node_modules/.bin/tsx", ["scripts/import.ts", ...args], { encoding: "utf8", env: process.env });

describe("npm run import", () => {
  it("reports bad rows by line and writes nothing, writes all with --skip-bad-rows, and refuses a viewer", async () => {
    const alice = await signedUpUser("Alice");
    const viewer = await signedUpUser("Vera");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "CLI" });
    await alice.caller.project.addMember({ ...cmd(), projectId, email: viewer.user.email, role: "viewer" });
    const file = csvFile("cards.csv", ["Card Name,List Name,Due Date", "Plan,Done,", ",Done,", "Ship,Done,not a date"]);
    const created = async () => (await readProject(getPool(), projectId)).filter((e) => e.eventType === "TaskCreated").length;

    const refused = cli("--project", projectId, "--as", alice.user.email, file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("line 3: Title cannot be empty");
    expect(refused.stderr).toContain('line 4: Due date "not a date" is not a date (use YYYY-MM-DD)');
    expect(refused.stderr).toContain("2 bad row(s): nothing written");
    expect(await created()).toBe(0);

    const skipped = cli("--project", projectId, "--as", alice.user.email, "--skip-bad-rows", file);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toMatch(/^1 task\(s\) created in [\d.]+ s, 2 bad row\(s\) skipped/);
    expect(await created()).toBe(1);

    const asViewer = cli("--project", projectId, "--as", viewer.user.email, file);
    expect(asViewer.status).toBe(2);
    expect(asViewer.stderr).toContain("may add tasks to (owners, admins and members may)");
  }, 60_000);
});

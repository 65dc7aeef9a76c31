import { verifyExport } from "../../scripts/verifier/verify";
import { createProject } from "./board-helpers";
import { expect, test } from "./fixtures";

test("an owner downloads a compliance export that verifies offline, and checks the chain", async ({ signedInPage: page }, testInfo) => {
  await createProject(page, "Audit me");
  await page.goto(`${page.url()}/audit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit trail: Audit me");

  await page.getByLabel("CSV").check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download export" }).click();
  const file = testInfo.outputPath("export.zip");
  await (await download).saveAs(file);
  // The project's creation: ProjectCreated, MemberAdded and four ColumnAdded.
  await expect(page.getByText(/^Saved chronoboard-audit-.+\.zip \(6 events, /)).toBeVisible();
  // The installation's public key, as an auditor would fetch it (the verifier trusts no key the archive names).
  const { publicKey } = (await (await page.request.get("/api/v1/audit/public-key")).json()) as { publicKey: string };
  expect(await verifyExport(file, { keys: [publicKey] })).toMatchObject({ ok: true, eventCount: 6 });
  expect(await verifyExport(file)).toMatchObject({ ok: false });

  await page.getByRole("button", { name: "Run integrity check" }).click();
  // The export was recorded as a seventh event.
  await expect(page.getByText(/^Intact: 7 events, chain head [0-9a-f]{64}$/)).toBeVisible();
});

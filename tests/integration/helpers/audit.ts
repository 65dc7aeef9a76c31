import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import yauzl from "yauzl";
import { ZipFile } from "yazl";
import { createApiToken } from "../../../server/auth";
import { exportResponse } from "../../../server/api/http/export";
import { publicKeyResponse } from "../../../server/api/http/proofs";
import { cmd, signedUpUser } from "./api";

/** A project with a few tasks, its owner, and a personal API token of the owner. */
export async function auditedProject(titles = ["Write the plan", "Review it", "Ship it"]) {
  const owner = await signedUpUser("Olivia Owner");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Audited" });
  const board = await owner.caller.board.get({ projectId });
  const columnId = board.columns[0]!.id;
  for (const title of titles) await owner.caller.task.create({ ...cmd(), projectId, columnId, title });
  const { token } = await createApiToken(owner.user.id, "audit collector");
  return { owner, projectId, columnId, token };
}

/** GET /api/v1/projects/{projectId}/export through its handler, as an HTTP client would call it. */
export function requestExport(projectId: string, query: string, headers: Record<string, string> = {}) {
  return exportResponse(new Request(`http://localhost/api/v1/projects/${projectId}/export${query}`, { headers }), projectId);
}

const folder = mkdtempSync(path.join(tmpdir(), "chronoboard-audit-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes an archive to a temporary file (the verifier reads files) and returns its path. */
export function saveArchive(bytes: Buffer, name = `${Math.random().toString(36).slice(2)}.zip`): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

export async function downloadExport(projectId: string, token: string, query = "") {
  const response = await requestExport(projectId, query, { authorization: `Bearer ${token}` });
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, entries: await unzip(bytes) };
}

export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  return entries;
}

export function zip(entries: Map<string, Buffer>): Promise<Buffer> {
  const file = new ZipFile();
  for (const [name, bytes] of entries) file.addBuffer(bytes, name);
  file.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    file.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    file.outputStream.on("error", reject);
  });
}

/** The installation's public key as an outside verifier would hold it (GET /api/v1/audit/public-key). */
export async function trustedKey(): Promise<{ keys: string[] }> {
  const answer = (await (await publicKeyResponse()).json()) as { publicKey: string };
  return { keys: [answer.publicKey] };
}

/**
 * A monitor anyone can run away from the app: pulls a project's signed checkpoints, checks that each new
 * one extends the last one held (consistency proof, RFC 9162 §2.1.4) and keeps them, one file each.
 *
 *   npm run audit:witness -- <app URL> --token cbt_… --project <projectId> [--dir .witness]
 *                            [--key signing-key.pem | --fingerprint <hex>]
 *
 * Without --key/--fingerprint the server's keys are trusted on first use and kept in <dir>/keys/; a key
 * the server names later is reported. Exits 0 when every new checkpoint extends the held ones, 1 when one
 * does not (the log was rewritten or truncated), 2 on bad usage or an unreachable app. Imports nothing of
 * the app: only the verifier's RFC 9162 checks.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Checkpoint, checkCheckpoint, keyRing } from "./verifier/checkpoint";
import { verifyConsistency } from "./verifier/merkle";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { token: { type: "string" }, project: { type: "string" }, dir: { type: "string" }, key: { type: "string" }, fingerprint: { type: "string" } },
});
const [appUrl] = positionals;
if (!appUrl || !values.token || !values.project) {
  console.error("usage: npm run audit:witness -- <app URL> --token cbt_… --project <projectId> [--dir .witness] [--key pem | --fingerprint hex]");
  process.exit(2);
}
const projectId = values.project;
const folder = path.join(values.dir ?? ".witness", projectId);
const keyFolder = path.join(values.dir ?? ".witness", "keys");

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(route: string): Promise<T> {
  const response = await fetch(new URL(route, appUrl), { headers: { Authorization: `Bearer ${values.token}` } });
  if (!response.ok) throw new HttpError(response.status, `GET ${route}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The server must still hold the held checkpoint's tree: as many events, the same signed root. */
async function checkStillHeld(held: Checkpoint) {
  let answer: { fromCheckpoint: Checkpoint | null };
  try {
    answer = await get(`/api/v1/projects/${projectId}/consistency?from=${held.treeSize}&to=${held.treeSize}`);
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) fail(`the log now holds fewer than the ${held.treeSize} events held: it was truncated`);
    throw error;
  }
  if (answer.fromCheckpoint && answer.fromCheckpoint.rootHash !== held.rootHash) {
    fail(`the server now signs another root for ${held.treeSize} events than the one held: the history was rewritten`);
  }
}

function fail(message: string): never {
  console.error(`NOT CONSISTENT: ${message}`);
  process.exit(1);
}

async function trustedKeys() {
  await mkdir(keyFolder, { recursive: true });
  const held = await Promise.all((await readdir(keyFolder)).map((f) => readFile(path.join(keyFolder, f), "utf8")));
  if (values.key) held.push(await readFile(values.key, "utf8"));
  const served = await get<{ keys: { fingerprint: string; publicKey: string }[] }>("/api/v1/audit/public-key");
  for (const key of served.keys) {
    const ring = keyRing([key.publicKey]);
    if (!ring.has(key.fingerprint)) fail(`the server's key ${key.fingerprint} does not have that fingerprint`);
    const pinned = values.fingerprint ? key.fingerprint === values.fingerprint : !values.key;
    if (pinned && !keyRing(held).has(key.fingerprint)) {
      console.log(`learned signing key ${key.fingerprint} from the server`);
      await writeFile(path.join(keyFolder, `${key.fingerprint}.pem`), key.publicKey, { flag: "wx" });
      held.push(key.publicKey);
    }
  }
  const ring = keyRing(held);
  if (values.fingerprint && !ring.has(values.fingerprint)) {
    console.error(`No key with fingerprint ${values.fingerprint}`);
    process.exit(2);
  }
  return ring;
}

const file = (size: number) => path.join(folder, `${String(size).padStart(15, "0")}.json`);

try {
  const keys = await trustedKeys();
  await mkdir(folder, { recursive: true });
  const files = (await readdir(folder)).filter((f) => /^\d{15}\.json$/.test(f)).sort();
  let held: Checkpoint | null = files.length ? (JSON.parse(await readFile(path.join(folder, files.at(-1)!), "utf8")) as Checkpoint) : null;
  if (held) {
    const problem = checkCheckpoint(held, keys, projectId);
    if (problem) fail(`the held checkpoint ${files.at(-1)} ${problem}`);
    await checkStillHeld(held);
  }
  let added = 0;
  for (;;) {
    const page = await get<{ checkpoints: Checkpoint[] }>(
      `/api/v1/projects/${projectId}/checkpoints?after=${held?.treeSize ?? 0}&limit=100`,
    );
    if (page.checkpoints.length === 0) break;
    for (const checkpoint of page.checkpoints) {
      const problem = checkCheckpoint(checkpoint, keys, projectId);
      if (problem) fail(`checkpoint of ${checkpoint.treeSize} events ${problem}`);
      if (held) {
        const answer = await get<{ proof: string[] }>(
          `/api/v1/projects/${projectId}/consistency?from=${held.treeSize}&to=${checkpoint.treeSize}`,
        );
        const proof = answer.proof.map((h) => Buffer.from(h, "hex"));
        const consistent = verifyConsistency(
          BigInt(held.treeSize),
          BigInt(checkpoint.treeSize),
          Buffer.from(held.rootHash, "hex"),
          Buffer.from(checkpoint.rootHash, "hex"),
          proof,
        );
        if (!consistent) fail(`the checkpoint of ${checkpoint.treeSize} events does not extend the held one of ${held.treeSize}: the history was rewritten`);
      }
      await writeFile(file(checkpoint.treeSize), `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: "wx" });
      held = checkpoint;
      added += 1;
    }
  }
  console.log(
    held
      ? `consistent: ${added} new checkpoint(s), holding ${held.treeSize} events, root ${held.rootHash} (key ${held.keyFingerprint})`
      : "no checkpoints yet",
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SignedCheckpoint } from "./checkpoint";

/** CHRONOBOARD_WITNESS_DIR: a folder outside the database that receives every checkpoint as it is made. */
export function witnessFolder(): string | null {
  return process.env.CHRONOBOARD_WITNESS_DIR || null;
}

/** <folder>/<projectId>/<tree size, 15 digits>.json: one file per checkpoint, sorted by size. */
export function witnessFile(folder: string, projectId: string, treeSize: number): string {
  return path.join(folder, projectId, `${String(treeSize).padStart(15, "0")}.json`);
}

/**
 * Writes each checkpoint to the witness folder, never over a file that is there: a file that exists
 * with other contents is an error (someone signed two roots for one size, or the folder was tampered with).
 */
export async function writeToWitness(checkpoints: SignedCheckpoint[]): Promise<void> {
  const folder = witnessFolder();
  if (!folder) return;
  for (const checkpoint of checkpoints) {
    const file = witnessFile(folder, checkpoint.projectId, checkpoint.treeSize);
    const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, text, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if ((await readFile(file, "utf8")) !== text) throw new Error(`Witness file ${file} holds another checkpoint of that size`);
    }
  }
}

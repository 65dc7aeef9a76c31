import type { Readable } from "node:stream";
import yauzl from "yauzl";

/** A zip opened for reading its entries by name, each as a stream (nothing is loaded whole). */
export interface Archive {
  names: string[];
  open: (name: string) => Promise<Readable>;
  close: () => void;
}

/** Opens a zip; throws when two entries share a name (which of them a reader takes is anyone's guess). */
export async function openArchive(path: string): Promise<Archive> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) {
    if (entries.has(entry.fileName)) {
      zip.close();
      throw new Error(`the archive holds ${entry.fileName} twice`);
    }
    entries.set(entry.fileName, entry);
  }
  return {
    names: [...entries.keys()],
    open: (name) => zip.openReadStreamPromise(entries.get(name)!),
    close: () => zip.close(),
  };
}

export async function readBytes(archive: Archive, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await archive.open(name)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import canonicalize from "canonicalize";
import { ZipFile } from "yazl";
import type { Db } from "../../db";
import { sealedEvents } from "../sealed-events";
import { eventsFileWriters } from "./events-file";
import { type ManifestInput, signedManifest } from "./manifest";
import { verifyText } from "./verify-text";

/**
 * The export as a zip, streamed: the events file is read from the chain in batches and compressed as the
 * client takes it (backpressure reaches the database reads), so memory stays flat for any range. The
 * authors' names, VERIFY.txt and the signed manifest, which carries the SHA-256 of each, follow it.
 */
export function exportArchive(db: Db, input: ManifestInput): ReadableStream<Uint8Array> {
  const writer = eventsFileWriters[input.format];
  const digest = createHash("sha256");
  const authors = new Map<string, string>();
  async function* chunks() {
    if (writer.opening) yield hashed(writer.opening);
    for await (const batch of sealedEvents(db, input.project.id, { after: input.segment.after, through: input.segment.through })) {
      for (const link of batch) {
        if (link.userName !== null) authors.set(link.envelope.metadata.userId, link.userName);
      }
      yield hashed(writer.batch(batch));
    }
  }
  function hashed(text: string): Buffer {
    const bytes = Buffer.from(text, "utf8");
    digest.update(bytes);
    return bytes;
  }

  const zip = new ZipFile();
  const mtime = input.generatedAt;
  const events = Readable.from(chunks(), { objectMode: true, highWaterMark: 1 });
  zip.addReadStream(events, writer.name, { mtime });
  events.on("end", () => {
    const authorsBytes = Buffer.from(`${canonicalize(Object.fromEntries(authors))}\n`, "utf8");
    const verifyBytes = Buffer.from(verifyText(writer.name), "utf8");
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    const manifest = signedManifest(input, {
      eventsFile: { name: writer.name, sha256: digest.digest("hex") },
      authorsFile: { name: "authors.json", sha256: sha256(authorsBytes) },
      verifyFile: { name: "VERIFY.txt", sha256: sha256(verifyBytes) },
    });
    zip.addBuffer(authorsBytes, "authors.json", { mtime });
    zip.addBuffer(verifyBytes, "VERIFY.txt", { mtime });
    zip.addBuffer(manifest, "manifest.json", { mtime });
    zip.end();
  });
  // yazl's output is a PassThrough; its type only says NodeJS.ReadableStream.
  const output = zip.outputStream as Readable;
  events.on("error", (error) => output.destroy(error));
  return pullStream(output, () => events.destroy());
}

/** A web stream that reads the Node stream only as fast as the client takes data. */
function pullStream(source: Readable, onCancel: () => void): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value as Buffer));
      },
      cancel() {
        onCancel();
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

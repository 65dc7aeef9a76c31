import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { Db } from "../../db";
import { sealedEvents } from "../sealed-events";
import { eventsFileWriters } from "./events-file";
import { exportManifest, type ManifestInput } from "./manifest";
import { verifyText } from "./verify-text";

/**
 * The export as a zip, streamed: the events file is read from the chain in batches and compressed as the
 * client takes it (backpressure reaches the database reads), so memory stays flat for any range. The
 * manifest follows the events file, whose SHA-256 it carries.
 */
export function exportArchive(db: Db, input: ManifestInput): ReadableStream<Uint8Array> {
  const writer = eventsFileWriters[input.format];
  const digest = createHash("sha256");
  async function* chunks() {
    if (writer.opening) yield hashed(writer.opening);
    for await (const batch of sealedEvents(db, input.project.id, { after: input.segment.after, through: input.segment.through })) {
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
    const manifest = exportManifest(input, { name: writer.name, sha256: digest.digest("hex") });
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), "manifest.json", { mtime });
    zip.addBuffer(Buffer.from(verifyText(writer.name)), "VERIFY.txt", { mtime });
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

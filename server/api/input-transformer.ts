import { TRPCError } from "@trpc/server";
import superjson, { SuperJSON } from "superjson";
import { z } from "zod";
import { type Card, CARDS_TYPE, encodeCards, isSentColumnWise } from "./board/card-wire";

/**
 * A superjson path ("a.b.0") that cannot reach an object's prototype. superjson refuses __proto__ itself; the
 * other two are refused here as well, since no input of this app has such a field.
 */
const Path = z
  .string()
  .max(1000)
  .refine((path) => !/(^|\.)(__proto__|prototype|constructor)(\.|$)/.test(path), "a path may not name __proto__, prototype or constructor");
/** The types the app's clients send besides plain JSON: dates, undefined, and NaN or ±Infinity. */
const TypeAnnotation = z.enum(["Date", "undefined", "number"], { error: "only Date, undefined and number annotations are accepted" });
interface Children {
  [path: string]: Tree;
}
type Tree = [string] | [string, Children] | Children;
const Tree: z.ZodType<Tree> = z.lazy(() =>
  z.union([z.tuple([TypeAnnotation]), z.tuple([TypeAnnotation, z.record(Path, Tree)]), z.record(Path, Tree)]),
);
const Paths = z.array(Path).max(1000);
const Meta = z.strictObject({
  values: Tree.optional(),
  referentialEqualities: z.union([z.record(Path, Paths), z.tuple([Paths]), z.tuple([Paths, z.record(Path, Paths)])]).optional(),
  v: z.number().int().optional(),
});
const Envelope = z.strictObject({ json: z.unknown(), meta: Meta.optional() });

/** A superjson path's keys: dot-separated, "\\." standing for a dot within a key. */
const keysOf = (path: string) => (path === "" ? [] : path.split(/(?<!\\)\./).map((key) => key.replace(/\\\./g, ".")));

/** Whether json holds a member (null counts: superjson writes undefined as null) at every key of the path. */
function reaches(json: unknown, keys: string[]): boolean {
  let node = json;
  for (const key of keys) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** The first annotated path that names no member of json (the client's serialiser never writes one), or null. */
function strayPath(json: unknown, tree: Tree, base: string[] = []): string | null {
  const children = Array.isArray(tree) ? tree[1] : tree;
  if (Array.isArray(tree) && !reaches(json, base)) return base.join(".");
  for (const [path, child] of Object.entries(children ?? {})) {
    const stray = strayPath(json, child, [...base, ...keysOf(path)]);
    if (stray !== null) return stray;
  }
  return null;
}

/**
 * Unpacks a request's superjson input, refusing with BAD_REQUEST what is not superjson as the app's client
 * writes it: annotations of types the app never sends (custom and class types, symbols), paths towards a
 * prototype, annotations that do not fit their values. superjson itself would throw plain errors (answered
 * 500) or follow such paths.
 */
export function deserializeInput(input: unknown): unknown {
  const envelope = Envelope.safeParse(input);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    const at = issue.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new TRPCError({ code: "BAD_REQUEST", message: `Input is not superjson ({ json, meta }): ${issue.message}${at}` });
  }
  const { json, meta } = envelope.data;
  const refs = meta?.referentialEqualities;
  const refPaths = refs === undefined ? [] : Array.isArray(refs) ? [...refs[0], ...Object.entries(refs[1] ?? {}).flat(2)] : Object.entries(refs).flat(2);
  const stray = (meta?.values && strayPath(json, meta.values)) ?? refPaths.find((path) => !reaches(json, keysOf(path))) ?? null;
  if (stray !== null) throw new TRPCError({ code: "BAD_REQUEST", message: `Input's superjson annotations name ${stray || "the root"}, which its values do not hold` });
  try {
    return superjson.deserialize(envelope.data as Parameters<typeof superjson.deserialize>[0]);
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Input's superjson annotations do not fit its values" });
  }
}

/**
 * Answers as superjson, except the boards' card lists, which go field by field (board/card-wire.ts) as one
 * string: superjson walks into what a custom type gives, so a string alone would be walked as characters.
 */
const output = new SuperJSON();
output.registerCustom<Card[], { text: string }>(
  {
    isApplicable: isSentColumnWise,
    serialize: (cards) => ({ text: encodeCards(cards) }),
    deserialize: () => {
      throw new Error("the server never reads cards sent column-wise");
    },
  },
  CARDS_TYPE,
);

/** superjson both ways, with input unpacked by deserializeInput. */
export const transformer = {
  input: { serialize: (value: unknown) => superjson.serialize(value), deserialize: deserializeInput },
  output,
};

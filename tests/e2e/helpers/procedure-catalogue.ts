/**
 * Prints the app's tRPC procedures as JSON, read from the router itself (a new procedure is listed without
 * anyone adding it): path, type, the fields its input schemas name and which of them take an instant.
 * Run with tsx by the input fuzzer (tests/e2e/input-fuzz.spec.ts), which talks to the server over HTTP only.
 */
import { appRouter } from "../../../server/api/root";

type Schema = { shape?: Record<string, { safeParse: (value: unknown) => { success: boolean } }> };
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: Schema[] } }>;

const catalogue = Object.entries(procedures).map(([path, procedure]) => {
  const shapes = procedure._def.inputs.map((input) => input.shape ?? {});
  const fields = shapes.flatMap((shape) => Object.keys(shape));
  const takesDate = (field: string) => shapes.some((shape) => shape[field]?.safeParse(new Date("2026-01-01T00:00:00Z")).success === true);
  return { path, type: procedure._def.type, hasInput: procedure._def.inputs.length > 0, fields, dateFields: fields.filter(takesDate) };
});
process.stdout.write(JSON.stringify(catalogue));
process.exit(0);

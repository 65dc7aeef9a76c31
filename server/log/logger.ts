import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { processWide } from "../process-wide";

/** The correlation id of the request being served, for every log line written while serving it. */
interface LogScope {
  correlationId: string;
}

// One store and one logger per process: Next.js may load this module once per bundle.
const scope = processWide("chronoboardLogScope", () => new AsyncLocalStorage<LogScope>());

/** A JSON logger whose lines carry the current request's correlationId; `LOG_LEVEL` sets the level (tests: silent). */
export function createLogger(
  destination?: pino.DestinationStream,
  level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
): pino.Logger {
  return pino({ level, base: { service: "chronoboard" }, mixin: () => scope.getStore() ?? {} }, destination);
}

export const logger: pino.Logger = processWide("chronoboardLogger", createLogger);

/** Runs `work` (and everything it starts) as part of the request with this correlation id. */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return scope.run({ correlationId }, work);
}

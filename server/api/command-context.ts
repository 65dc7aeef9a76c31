import type { CommandContext } from "../eventstore";

export function commandContext(
  ctx: { user: { id: string }; correlationId: string },
  input: { commandId: string },
): CommandContext {
  return { userId: ctx.user.id, correlationId: ctx.correlationId, commandId: input.commandId };
}

/** What every command answers: the stream version to send next time, and the position to wait for. */
export function commandAnswer(result: { version: number; lastPosition: number | null }) {
  return { version: result.version, position: result.lastPosition };
}

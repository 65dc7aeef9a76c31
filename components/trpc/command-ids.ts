import { useState } from "react";
import { isFinalAnswer } from "./errors";

/**
 * The command id of one user action, kept while its attempts go unanswered: when the connection fails after
 * the server may have applied the command, sending the same action again (the user clicks once more) is a
 * retry that the server answers as before, never a second application. The next action (the server
 * answered, or the input changed) gets a new id.
 */
export class PendingCommandIds {
  private pending: { key: string; id: string } | null = null;

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {}

  /** The id to send with this input: the unanswered attempt's, if it was the same input. */
  idFor(input: unknown): string {
    const key = JSON.stringify(input);
    if (this.pending?.key !== key) this.pending = { key, id: this.newId() };
    return this.pending.id;
  }

  /** After an attempt: a server's answer (or success) ends the action; a lost connection keeps it pending. */
  settled(error: unknown): void {
    if (!error || isFinalAnswer(error)) this.pending = null;
  }
}

export function usePendingCommandIds(): PendingCommandIds {
  const [ids] = useState(() => new PendingCommandIds());
  return ids;
}

/**
 * A command broke a business rule. The message is written for the person who
 * issued the command, so the UI can show it as is.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
}

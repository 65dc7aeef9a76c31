/**
 * The board to show after a fetch: the fetched one, unless the board already shown is newer (a higher log
 * position). board.get waits only so long for its read model to reach this tab's last write; when the
 * projectors are held up it answers an older board, and showing it would take back cards the user saw (a new
 * task would vanish, then show as still being added). The fetch's lag is kept either way, so the page still
 * says it is behind and asks again.
 */
export function newerBoard<T extends { position: number }>(shown: T | undefined, fetched: T): T {
  return shown && shown.position > fetched.position ? shown : fetched;
}

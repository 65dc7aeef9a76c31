/** An "as of" instant as answered: one in the future means now, since nothing has happened after now yet. */
export function notAfterNow(requested: Date): Date {
  const now = new Date();
  return requested > now ? now : requested;
}

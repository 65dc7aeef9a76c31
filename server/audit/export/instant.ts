/**
 * An export bound as given, `2026-03-01T09:30:00.123456+01:00` (offset required, up to six fractional
 * digits) or a date (midnight UTC), in the form the chain writes timestamps: UTC with all six digits.
 * Events carry microseconds, so a bound cut to milliseconds could put an event in the wrong range.
 * Null when the text is not such an instant.
 */
export function microsecondInstant(text: string): string | null {
  const date = /^(\d{4}-\d\d-\d\d)$/.exec(text);
  const parts = date ? [text, "00:00:00", "", "Z"] : /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(Z|[+-]\d\d:\d\d)$/i.exec(text)?.slice(1);
  if (!parts) return null;
  const [day, time, fraction = "", offset] = parts as [string, string, string | undefined, string];
  const ms = Date.parse(`${day}T${time}${offset.toUpperCase()}`);
  // Date.parse rolls 2026-02-30 over to March: a bound must name a real day and time.
  if (Number.isNaN(ms) || new Date(Date.parse(`${day}T${time}Z`)).toISOString().slice(0, 19) !== `${day}T${time}`) return null;
  const utc = new Date(ms).toISOString();
  // Years 0001-9999 only: PostgreSQL has no year 0, and an offset can carry 0001-01-01 into it.
  if (utc.length !== 24 || utc < "0001-01-01") return null;
  return `${utc.slice(0, 19)}.${fraction.padEnd(6, "0")}Z`;
}

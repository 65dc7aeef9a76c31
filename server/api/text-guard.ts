/**
 * Whether any string in a request's input (values or keys, at any depth) holds a NUL character or a lone
 * UTF-16 surrogate. PostgreSQL stores neither in text or jsonb, so such input would fail at the database
 * as a server fault instead of being refused as bad input.
 */
export function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
  if (depth > 20 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => hasUnstorableText(item, depth + 1));
  return Object.entries(value).some(([key, item]) => hasUnstorableText(key, depth + 1) || hasUnstorableText(item, depth + 1));
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A uuid the database accepted, as it prints it: 32 lower-case hex digits as 8-4-4-4-12. Its input may have
 * upper case, braces and hyphens after any group of four digits, nothing else.
 */
export function canonicalUuid(id: string): string {
  if (CANONICAL_UUID.test(id)) return id;
  const hex = id.replace(/[{}-]/g, "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

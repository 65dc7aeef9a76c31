/**
 * How deep JSON input may nest. The deepest input a procedure takes, inside superjson's envelope and a batch,
 * is under ten levels; deeper input is refused before anything parses or unpacks it (superjson unpacks by
 * recursion, and 10,000 levels overflow the stack).
 */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text nests arrays and objects deeper than `max`: one pass over the text, nothing parsed. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Why JSON text cannot be taken as input (too deep, or not JSON at all), or null when it can. */
export function jsonTextProblem(text: string, what: string): string | null {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return `${what} nests deeper than ${MAX_JSON_DEPTH} levels`;
  try {
    JSON.parse(text);
    return null;
  } catch {
    return `${what} is not valid JSON`;
  }
}

/**
 * Sets or clears (empty value) query parameters of the current URL. Next's router follows
 * history.replaceState (useSearchParams updates) without asking the server for anything, adding no history
 * entry; the state must be null so the router syncs. Read from the address bar, not from rendered params:
 * a change a moment ago may not have rendered yet.
 */
export function replaceSearchParams(change: Record<string, string | undefined>) {
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(change)) {
    if (value?.trim()) next.set(key, value.trim());
    else next.delete(key);
  }
  const query = next.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

import { transformer } from "./transformer";

/** Where the app's tRPC client sends its calls (provider.tsx). */
export const TRPC_URL = "/api/trpc";

/**
 * The URL of a board page's first board.get, byte for byte as the client's batch link builds it (one call: the
 * page's first load asks for nothing else; a fresh page knows no write position of its own). The page's HTML
 * preloads it, so the request starts as the HTML arrives rather than once the scripts have run, and the client's
 * fetch of the same URL takes the preloaded answer.
 */
export function firstBoardRequestUrl(projectId: string): string {
  const input = { 0: transformer.serialize({ projectId, position: undefined }) };
  return `${TRPC_URL}/board.get?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

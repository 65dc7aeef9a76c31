const shared = globalThis as unknown as Record<string, unknown>;

/**
 * One value per process, created on first use. Kept on globalThis because Next.js may load a module more
 * than once (hot reloads, separate bundles for routes and instrumentation), and each copy must share it.
 */
export function processWide<T>(key: string, create: () => T): T {
  return (shared[key] ??= create()) as T;
}

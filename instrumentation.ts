/** Next.js calls this once when a server starts: the background work runs in the app's Node.js process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./server/startup");
  startBackgroundWork();
}

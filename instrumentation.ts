/** Next.js calls this once when a server starts: client addresses are stamped on requests, and the background work runs in the app's Node.js process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientAddresses } = await import("./server/auth/client-address");
  stampClientAddresses();
  const { startBackgroundWork } = await import("./server/startup");
  startBackgroundWork();
}

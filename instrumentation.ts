/** Next.js calls this once when a server starts: the background work runs in the app's Node.js process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is served: the client's address, as TRUST_PROXY says to read it.
  const { stampClientAddresses } = await import("./server/auth/client-address");
  stampClientAddresses();
  const { startBackgroundWork } = await import("./server/startup");
  startBackgroundWork();
}

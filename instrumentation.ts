/** Next.js calls this once when a server starts: the audit sealer, the projectors, the automation and the metrics sampler run in the app's Node.js process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundSealer } = await import("./server/audit/background-sealer");
  startBackgroundSealer();
  const { startBackgroundProjectors } = await import("./server/projectors/background");
  startBackgroundProjectors();
  const { startBackgroundWorkflows } = await import("./server/workflows/background");
  startBackgroundWorkflows();
  const { startMetricsSampler } = await import("./server/metrics/background");
  startMetricsSampler();
}

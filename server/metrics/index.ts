export { recordAppend, recordHandlerError, recordProjectorBatch, recordRebuild, recordSnapshot, setProjectionHealth, trackLiveClient } from "./hooks";
export { metrics } from "./registry";
export { metricsSampler, SAMPLE_EVERY_MS } from "./sampler";

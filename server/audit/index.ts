export { exportArchive } from "./export/archive";
export { chainSegment, type ChainSegment, type ExportRange } from "./export/segment";
export { checkIntegrity } from "./integrity";
export { sealCommitted, SealerBehindError } from "./sealer";

export { logger, withCorrelationId } from "./logger";

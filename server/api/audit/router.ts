import { router } from "../trpc";
import { checkAuditTrail } from "./check";
import { auditSummary } from "./summary";

export const auditRouter = router({ summary: auditSummary, check: checkAuditTrail });

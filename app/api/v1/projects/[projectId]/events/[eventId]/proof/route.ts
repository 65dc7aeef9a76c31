import { answeringFaults } from "@/server/api/http/fault-response";
import { receiptResponse } from "@/server/api/http/proofs";

export const GET = answeringFaults(async (req: Request, { params }: { params: Promise<{ projectId: string; eventId: string }> }) => {
  const { projectId, eventId } = await params;
  return receiptResponse(req, projectId, eventId);
});

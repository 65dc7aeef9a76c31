import { receiptResponse } from "@/server/api/http/proofs";

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string; eventId: string }> }) {
  const { projectId, eventId } = await params;
  return receiptResponse(req, projectId, eventId);
}

import { checkpointsResponse } from "@/server/api/http/proofs";

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return checkpointsResponse(req, (await params).projectId);
}

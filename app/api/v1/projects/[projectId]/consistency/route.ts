import { consistencyResponse } from "@/server/api/http/proofs";

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return consistencyResponse(req, (await params).projectId);
}

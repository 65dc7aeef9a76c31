import { exportResponse } from "@/server/api/http/export";

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return exportResponse(req, (await params).projectId);
}

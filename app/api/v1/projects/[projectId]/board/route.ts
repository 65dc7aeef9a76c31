import { boardAsOfResponse } from "@/server/api/http/board-as-of";

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  return boardAsOfResponse(req, (await params).projectId);
}

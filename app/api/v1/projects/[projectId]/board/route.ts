import { answeringFaults } from "@/server/api/http/fault-response";
import { boardAsOfResponse } from "@/server/api/http/board-as-of";

export const GET = answeringFaults(async (req: Request, { params }: { params: Promise<{ projectId: string }> }) =>
  boardAsOfResponse(req, (await params).projectId),
);

import { answeringFaults } from "@/server/api/http/fault-response";
import { importResponse } from "@/server/api/http/import";

export const POST = answeringFaults(async (req: Request, { params }: { params: Promise<{ projectId: string }> }) =>
  importResponse(req, (await params).projectId),
);

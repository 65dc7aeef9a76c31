import { answeringFaults } from "@/server/api/http/fault-response";
import { publicKeyResponse } from "@/server/api/http/proofs";

export const dynamic = "force-dynamic";

export const GET = answeringFaults(async () => publicKeyResponse());

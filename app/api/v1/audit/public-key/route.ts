import { publicKeyResponse } from "@/server/api/http/proofs";

export const dynamic = "force-dynamic";

export async function GET() {
  return publicKeyResponse();
}

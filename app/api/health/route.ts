import { healthResponse } from "@/server/api/http/health";

// Never prerendered at build time: every request asks the database.
export const dynamic = "force-dynamic";

export async function GET() {
  return healthResponse();
}

import { authHandler } from "@/server/api/http/auth-handler";

export { authHandler as GET, authHandler as POST };

import { trpcHandler } from "@/server/api/http/trpc-handler";

export { trpcHandler as GET, trpcHandler as POST };

import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type ProjectorStatus = Outputs["operations"]["status"][number];
export type DeadLetter = Outputs["operations"]["deadLetters"][number];

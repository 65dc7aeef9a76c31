import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type FlowData = inferRouterOutputs<AppRouter>["analytics"]["flow"];
export type Bucket = "hour" | "day" | "week";

/** A cell of a chart's numbers: shown formatted in its table, written plainly (ISO instants) in its CSV. */
export type Cell = string | number | Date | null;
export type NumbersTable = { header: string[]; rows: Cell[][] };

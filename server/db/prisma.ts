import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl, newPool } from "./pool";
import { processWide } from "../process-wide";

export function getPrisma(): PrismaClient {
  // A pool of its own (better-auth's sessions and users), made like the event store's: a lost connection ends no process.
  return processWide("chronoboardPrisma", () => new PrismaClient({ adapter: new PrismaPg(newPool({ connectionString: databaseUrl() })) }));
}

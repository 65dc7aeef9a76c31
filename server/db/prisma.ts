import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./pool";
import { processWide } from "../process-wide";


export function getPrisma(): PrismaClient {
  return processWide("chronoboardPrisma", () => new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) }));
}

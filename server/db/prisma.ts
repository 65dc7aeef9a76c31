import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./pool";

const globalForPrisma = globalThis as unknown as { chronoboardPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  globalForPrisma.chronoboardPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl() }),
  });
  return globalForPrisma.chronoboardPrisma;
}

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl, newPool } from "./pool";

const globalForPrisma = globalThis as unknown as { chronoboardPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  globalForPrisma.chronoboardPrisma ??= new PrismaClient({
    // A pool of its own (better-auth's sessions and users), made like the event store's: a lost connection ends no process.
    adapter: new PrismaPg(newPool({ connectionString: databaseUrl() })),
  });
  return globalForPrisma.chronoboardPrisma;
}

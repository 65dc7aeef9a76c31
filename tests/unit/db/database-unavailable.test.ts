import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../../server/db/pool";

/** What Prisma's pg adapter throws for a PostgreSQL error (P2039), as better-auth then wraps it (its session lookup). */
function wrappedPrismaError(originalCode: string) {
  const prisma = new PrismaClientKnownRequestError(`Database error. Code: \`${originalCode}\`. Message: \`…\``, {
    code: "P2039",
    clientVersion: "7",
    meta: { driverAdapterError: { cause: { originalCode, kind: "postgres" } } },
  });
  return Object.assign(new Error("Failed to get session"), { code: "FAILED_TO_GET_SESSION", statusCode: 500, cause: prisma });
}

describe("isDatabaseUnavailable", () => {
  it("sees PostgreSQL shutting down or restarting under Prisma's adapter error and better-auth's wrapper", () => {
    expect(isDatabaseUnavailable(wrappedPrismaError("57P03"))).toBe(true); // the database system is shutting down
    expect(isDatabaseUnavailable(wrappedPrismaError("57P01"))).toBe(true); // terminating connection (admin command)
    expect(isDatabaseUnavailable(wrappedPrismaError("08006"))).toBe(true);
  });

  it("leaves a statement's own failure alone", () => {
    expect(isDatabaseUnavailable(wrappedPrismaError("23505"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Failed to get session"))).toBe(false);
  });
});

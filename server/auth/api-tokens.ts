import { createHash, randomBytes, randomUUID } from "node:crypto";
import { getPrisma } from "../db/prisma";
import type { SessionUser } from "./auth";

const PREFIX = "cbt_";

function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for a user; the plain token is returned once and never stored. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const id = randomUUID();
  await getPrisma().apiToken.create({ data: { id, userId, name, tokenHash: hashOf(token) } });
  return { id, token };
}

/** The user a live (not revoked) token belongs to, or null. */
export async function userOfApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX)) return null;
  const prisma = getPrisma();
  const found = await prisma.apiToken.findUnique({ where: { tokenHash: hashOf(token) }, include: { user: true } });
  if (!found || found.revokedAt) return null;
  await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { id: found.user.id, name: found.user.name, email: found.user.email };
}

/** The user's tokens, newest first, without their hashes; revoked ones are listed as such. */
export async function listApiTokens(userId: string) {
  return getPrisma().apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Revokes one of the user's own tokens; false when the user has no live token with that id. */
export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const { count } = await getPrisma().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

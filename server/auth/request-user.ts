import { userOfApiToken } from "./api-tokens";
import { type SessionUser, sessionUser } from "./auth";

/**
 * The caller of an HTTP route: a personal API token in `Authorization: Bearer …` (for integrations and
 * automated collection) or else the session cookie.
 */
export async function requestUser(headers: Headers): Promise<SessionUser | null> {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return userOfApiToken(bearer);
  return sessionUser(headers);
}

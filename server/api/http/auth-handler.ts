import { auth } from "../../auth";
import { forgetSessions } from "../../auth/session-cache";
import { UserName } from "../../domain";
import { hasUnstorableText } from "../text-guard";
import { faultAnswer } from "./fault-response";
import { jsonTextProblem } from "./json-input";
import { withLimitedBody } from "./request-guards";

/** The longest text any field of an auth request may hold (emails are at most 320 characters, passwords 128). */
const MAX_FIELD_LENGTH = 2048;

const refuse = (status: number, message: string, code: string) => Response.json({ message, code }, { status });

/** Why an auth request's fields cannot be taken (better-auth would store them or pass them to PostgreSQL as they are). */
function fieldsProblem(path: string, fields: Record<string, unknown>): string | null {
  if (hasUnstorableText(fields)) return "Text may not contain NUL characters or broken Unicode";
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.length > MAX_FIELD_LENGTH) return `${name} is longer than ${MAX_FIELD_LENGTH} characters`;
  }
  if ((path.endsWith("/sign-up/email") || path.endsWith("/update-user")) && "name" in fields) {
    const name = UserName.safeParse(fields.name);
    if (!name.success) return name.error.issues[0]!.message;
  }
  return null;
}

/**
 * /api/auth (better-auth): bodies up to the app's limit (413 above it), JSON only, no deeper than any other
 * input, every field storable and within the app's limits (a name as in the app), query strings too. A server
 * fault is logged and answered without its message.
 */
export async function authHandler(incoming: Request): Promise<Response> {
  let req = incoming;
  const path = new URL(req.url).pathname;
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const queryProblem = fieldsProblem("", query);
  if (queryProblem) return refuse(400, queryProblem, "BAD_REQUEST");
  if (req.method === "POST") {
    const limited = await withLimitedBody(req);
    if (limited instanceof Response) return limited;
    req = limited;
    const text = await req.clone().text();
    if (text.trim()) {
      if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) {
        return refuse(415, "Send the request body as application/json", "UNSUPPORTED_MEDIA_TYPE");
      }
      const jsonProblem = jsonTextProblem(text, "Request body");
      if (jsonProblem) return refuse(400, jsonProblem, "BAD_REQUEST");
      const body: unknown = JSON.parse(text);
      if (typeof body !== "object" || body === null || Array.isArray(body)) return refuse(400, "Request body must be a JSON object", "BAD_REQUEST");
      const problem = fieldsProblem(path, body as Record<string, unknown>);
      if (problem) return refuse(400, problem, "BAD_REQUEST");
    }
  }
  try {
    const response = await auth.handler(req).finally(() => {
      // Sign-out, revocations, password and user changes: no cached session outlives them in this process.
      if (req.method !== "GET") forgetSessions();
    });
    if (response.status < 500) return response;
    return refuseFault(await faultAnswer(req, null, { status: response.status, body: (await response.text()).slice(0, 2000) }));
  } catch (error) {
    return refuseFault(await faultAnswer(req, error));
  }
}

const refuseFault = ({ status, message, code, headers }: Awaited<ReturnType<typeof faultAnswer>>) =>
  Response.json({ message, code }, { status, headers });

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth, isOperator } from "@/server/auth";
import { getPool } from "@/server/db";

/** Every operations page: sign-in first, then 403 (app/forbidden.tsx) for anyone who is not an operator. */
export async function requireOperator(): Promise<void> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  if (!(await isOperator(getPool(), session.user.id))) forbidden();
}

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { auth } from "@/server/auth";

/** The operations pages need a session; the API admits operators only (operatorProcedure). */
export default async function OpsLayout({ children }: { children: ReactNode }) {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}

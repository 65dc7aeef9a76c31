import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { auth } from "@/server/auth";

/** Everything under /projects needs a session and talks to the API through tRPC. */
export default async function ProjectsLayout({ children }: { children: ReactNode }) {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}

import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/provider";

/** The operations pages talk to the API through tRPC, which admits operators only (operatorProcedure). */
export default function OpsLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}

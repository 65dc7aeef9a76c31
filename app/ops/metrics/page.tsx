import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { MetricsPanel } from "@/components/operations/metrics-panel";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { auth, isOperator } from "@/server/auth";
import { getPool } from "@/server/db";

export const metadata: Metadata = { title: "Metrics" };

/** /ops/metrics: the live metrics of event processing, for operators (anyone else finds nothing here). */
export default async function MetricsPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  if (!(await isOperator(getPool(), session.user.id))) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <Link href="/ops" className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Operations
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">Metrics</h1>
      <p className="mt-1 text-sm text-fg-muted">
        Prometheus scrapes the same figures at <code className="font-mono text-xs">/api/metrics</code>.
      </p>
      <div className="mt-6">
        <TRPCReactProvider>
          <MetricsPanel />
        </TRPCReactProvider>
      </div>
    </div>
  );
}

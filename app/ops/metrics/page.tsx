import type { Metadata } from "next";
import Link from "next/link";
import { MetricsPanel } from "@/components/operations/metrics-panel";
import { requireOperator } from "../require-operator";

export const metadata: Metadata = { title: "Metrics" };

/** /ops/metrics: the live metrics of event processing, for operators. */
export default async function MetricsPage() {
  await requireOperator();
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
        <MetricsPanel />
      </div>
    </div>
  );
}

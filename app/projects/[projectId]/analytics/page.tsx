import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AnalyticsView } from "@/components/analytics/analytics-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AnalyticsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  if (!UUID.test(projectId)) notFound();
  // The range lives in the URL (useSearchParams), which Next wants inside a Suspense boundary.
  return (
    <Suspense>
      <AnalyticsView projectId={projectId} />
    </Suspense>
  );
}

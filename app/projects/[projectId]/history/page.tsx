import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AuditLogView } from "@/components/history/audit-log-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function HistoryPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  if (!UUID.test(projectId)) notFound();
  // The filters live in the URL (useSearchParams), which Next wants inside a Suspense boundary.
  return (
    <Suspense>
      <AuditLogView projectId={projectId} />
    </Suspense>
  );
}

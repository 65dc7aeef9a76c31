import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BoardSkeleton } from "@/components/board/board-skeleton";
import { BoardView } from "@/components/board/board-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function BoardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  // Project ids are UUIDs; anything else cannot be a board.
  if (!UUID.test(projectId)) notFound();
  // The board reads its filters with useSearchParams, which Next wants inside a Suspense boundary.
  return (
    <Suspense fallback={<BoardSkeleton />}>
      <BoardView projectId={projectId} />
    </Suspense>
  );
}

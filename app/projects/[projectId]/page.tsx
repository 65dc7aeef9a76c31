import { notFound } from "next/navigation";
import { BoardView } from "@/components/board/board-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function BoardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  // Project ids are UUIDs; anything else cannot be a board.
  if (!UUID.test(projectId)) notFound();
  return <BoardView projectId={projectId} />;
}

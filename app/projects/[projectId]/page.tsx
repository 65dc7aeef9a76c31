import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { preload } from "react-dom";
import { BoardSkeleton } from "@/components/board/board-skeleton";
import { BoardView } from "@/components/board/board-view";
import { firstBoardRequestUrl } from "@/components/trpc/first-board-request";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  // Project ids are UUIDs; anything else cannot be a board.
  if (!UUID.test(projectId)) notFound();
  // A page loaded whole asks for its board as its HTML arrives (firstBoardRequestUrl). Not in time travel, where the
  // live board goes with the past one in another request, nor on a move within the app (an RSC request), where the
  // board may be cached already or asked for with this tab's last write.
  const travelling = (await searchParams).asOf !== undefined;
  if (!travelling && !(await headers()).has("rsc")) preload(firstBoardRequestUrl(projectId), { as: "fetch", crossOrigin: "anonymous" });
  // The board reads its filters with useSearchParams, which Next wants inside a Suspense boundary.
  return (
    <Suspense fallback={<BoardSkeleton />}>
      <BoardView projectId={projectId} />
    </Suspense>
  );
}

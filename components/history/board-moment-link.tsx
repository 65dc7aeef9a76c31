import Link from "next/link";

/** The link from a change in a history to the board as it was when the change was made (time travel). */
export function BoardMomentLink({ projectId, at, className }: { projectId: string; at: Date; className: string }) {
  return (
    <Link
      href={`/projects/${projectId}?asOf=${encodeURIComponent(at.toISOString())}`}
      className={`inline-flex items-center text-xs font-medium text-accent-text underline-offset-2 hover:underline ${className}`}
    >
      View the board at this moment
    </Link>
  );
}

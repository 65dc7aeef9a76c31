import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/server/auth";

const features = [
  {
    title: "A board for your team",
    text: "Columns, cards, assignees, priorities, labels and due dates, with other people's changes appearing as they make them.",
  },
  {
    title: "Every change kept",
    text: "Nothing is ever overwritten. Each task has a history of who changed what and when, in the task's own timeline and the project's log.",
  },
  {
    title: "Time travel",
    text: "Show any board as it was at any past moment, and bring a task back to how it was, without losing what happened since.",
  },
  {
    title: "Proof for auditors",
    text: "A compliance export, chained with hashes, that anyone can verify offline to show that nothing was altered.",
  },
];

/** "/": what Chronoboard is, for someone who has not signed in; signed-in users go straight to their projects. */
export default async function Home() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect("/projects");

  return (
    <div className="mx-auto max-w-4xl px-4 pt-[10vh] pb-20 sm:px-6">
      <h1 className="max-w-2xl text-3xl font-semibold tracking-tight text-balance text-fg sm:text-4xl">
        Chronoboard is a kanban board that remembers every change.
      </h1>
      <p className="mt-4 max-w-2xl text-base text-fg-muted">
        Plan work in columns as on any task board. Underneath, every change is an event that is never rewritten, so you
        can see the board as it was last Tuesday, read a task&apos;s whole story, and prove it to an auditor.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link
          href="/sign-up"
          className="inline-flex h-10 items-center rounded-md bg-accent px-5 text-sm font-medium text-accent-fg shadow-xs hover:bg-accent-hover"
        >
          Create an account
        </Link>
        <Link
          href="/sign-in"
          className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-5 text-sm font-medium text-fg shadow-xs hover:bg-surface-muted"
        >
          Sign in
        </Link>
      </div>
      <ul className="mt-14 grid gap-4 sm:grid-cols-2">
        {features.map((feature) => (
          <li key={feature.title} className="rounded-xl border border-border bg-surface p-5">
            <h2 className="text-sm font-semibold text-fg">{feature.title}</h2>
            <p className="mt-1.5 text-sm text-fg-muted">{feature.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import { NewProjectForm } from "@/components/board/new-project-form";
import { ProjectList } from "@/components/board/project-list";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-fg">Projects</h1>
      <p className="mt-1 text-sm text-fg-muted">Boards you own or were added to. Every change on them is kept in their history.</p>
      <div className="mt-6 space-y-6">
        <NewProjectForm />
        <ProjectList />
      </div>
    </div>
  );
}

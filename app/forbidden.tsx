import type { Metadata } from "next";
import { StatusPage } from "@/components/layout/status-page";

export const metadata: Metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <StatusPage code={403} title="You do not have access to this page">
      <p>It is open to the people who run this installation only. If you need it, ask one of them.</p>
    </StatusPage>
  );
}

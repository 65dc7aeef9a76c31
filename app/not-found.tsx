import type { Metadata } from "next";
import { StatusPage } from "@/components/layout/status-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage code={404} title="Page not found">
      <p>There is nothing at this address. The link may be mistyped, or what it pointed to may not exist.</p>
    </StatusPage>
  );
}

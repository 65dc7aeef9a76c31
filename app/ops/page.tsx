import type { Metadata } from "next";
import { OperationsView } from "@/components/operations/operations-view";
import { requireOperator } from "./require-operator";

export const metadata: Metadata = { title: "Operations" };

export default async function OperationsPage() {
  await requireOperator();
  return <OperationsView />;
}

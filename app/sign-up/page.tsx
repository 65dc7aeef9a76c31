import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthLink, AuthShell } from "@/components/auth/auth-ui";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { auth } from "@/server/auth";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect("/projects");

  return (
    <AuthShell
      title="Create your account"
      subtitle="Boards with a full history of every change."
      footer={
        <>
          Already have an account? <AuthLink href="/sign-in">Sign in</AuthLink>
        </>
      }
    >
      <SignUpForm />
    </AuthShell>
  );
}

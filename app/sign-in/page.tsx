import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthLink, AuthShell } from "@/components/auth/auth-ui";
import { SignInForm } from "@/components/auth/sign-in-form";
import { auth } from "@/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect("/projects");

  return (
    <AuthShell
      title="Sign in to Chronoboard"
      subtitle="Welcome back. Pick up where your board left off."
      footer={
        <>
          New here? <AuthLink href="/sign-up">Create an account</AuthLink>
        </>
      }
    >
      <SignInForm />
    </AuthShell>
  );
}

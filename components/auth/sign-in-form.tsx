"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { authErrorMessage, signIn } from "./auth-client";
import { Field, FormError, SubmitButton } from "./auth-ui";

export function SignInForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<"email" | "password" | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    if (!/^\S+@\S+$/.test(email)) {
      setInvalid("email");
      setError("Enter the email address you signed up with.");
      emailRef.current?.focus();
      return;
    }
    if (!password) {
      setInvalid("password");
      setError("Enter your password.");
      passwordRef.current?.focus();
      return;
    }

    setInvalid(null);
    setError(null);
    setPending(true);
    try {
      const result = await signIn.email({ email, password });
      if (result.error) {
        setError(authErrorMessage(result.error));
        setPending(false);
        return;
      }
      router.push("/projects");
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-describedby="sign-in-error" className="space-y-5">
      <fieldset disabled={pending} className="space-y-4">
        <legend className="sr-only">Your account</legend>
        <Field
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          inputMode="email"
          required
          invalid={invalid === "email"}
        />
        <Field
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
          invalid={invalid === "password"}
        />
      </fieldset>
      <FormError id="sign-in-error" message={error} />
      <SubmitButton pending={pending} idle="Sign in" busy="Signing in…" />
    </form>
  );
}

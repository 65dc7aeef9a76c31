"use client";

import { type FormEvent, useRef } from "react";
import { signIn } from "./auth-client";
import { Field, FormError, SubmitButton } from "./auth-ui";
import { EMAIL_PATTERN, useAuthForm } from "./use-auth-form";

export function SignInForm() {
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { pending, error, invalid, reject, send } = useAuthForm({ email: emailRef, password: passwordRef });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    if (!EMAIL_PATTERN.test(email)) return reject("email", "Enter the email address you signed up with.");
    if (!password) return reject("password", "Enter your password.");
    await send(() => signIn.email({ email, password }));
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

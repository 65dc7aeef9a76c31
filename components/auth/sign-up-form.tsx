"use client";

import { type FormEvent, useRef } from "react";
import { signUp } from "./auth-client";
import { Field, FormError, SubmitButton } from "./auth-ui";
import { EMAIL_PATTERN, useAuthForm } from "./use-auth-form";

export const MIN_PASSWORD_LENGTH = 8;

export function SignUpForm() {
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { pending, error, invalid, reject, send } = useAuthForm({ name: nameRef, email: emailRef, password: passwordRef });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    if (!name) return reject("name", "Enter your name.");
    if (!EMAIL_PATTERN.test(email)) return reject("email", "Enter a valid email address, like you@example.com.");
    if (password.length < MIN_PASSWORD_LENGTH) {
      return reject("password", `Choose a password with at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    await send(() => signUp.email({ name, email, password }));
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-describedby="sign-up-error" className="space-y-5">
      <fieldset disabled={pending} className="space-y-4">
        <legend className="sr-only">Your new account</legend>
        <Field
          ref={nameRef}
          id="name"
          name="name"
          type="text"
          label="Name"
          autoComplete="name"
          required
          invalid={invalid === "name"}
        />
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
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          invalid={invalid === "password"}
        />
      </fieldset>
      <FormError id="sign-up-error" message={error} />
      <SubmitButton pending={pending} idle="Create account" busy="Creating account…" />
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { type RefObject, useState } from "react";
import { authErrorMessage } from "./auth-client";

/** The one email check of the sign-in and sign-up forms (the server checks again). */
export const EMAIL_PATTERN = /^\S+@\S+\.\S+$/;

type AuthResult = { error?: Parameters<typeof authErrorMessage>[0] };

/**
 * The submit flow the sign-in and sign-up forms share: a field that fails its check is marked and focused
 * with a message; a sent form shows the server's refusal, or opens the projects once signed in.
 */
export function useAuthForm<F extends string>(fields: Record<F, RefObject<HTMLInputElement | null>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<F | null>(null);

  function reject(field: F, message: string) {
    setInvalid(field);
    setError(message);
    fields[field].current?.focus();
  }

  async function send(call: () => Promise<AuthResult>) {
    setInvalid(null);
    setError(null);
    setPending(true);
    try {
      const result = await call();
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

  return { pending, error, invalid, reject, send };
}

"use client";

import { useActionState, useRef } from "react";
import type { ErrorKey } from "@/lib/errors";
import { type FormState, initialFormState } from "@/lib/http/form-action";
import { useFormFocus } from "./use-form-focus";

/**
 * A form bound to its server action: the action's state, the form action, whether it is pending, the refs for
 * focus management (put `form` on the form, `message` on the outcome message) and each field's first error.
 */
// biome-ignore lint/suspicious/noExplicitAny: any form's values and result
export function useFormAction<State extends FormState<any, any>>(action: (previous: Awaited<State>, formData: FormData) => Promise<State>) {
  const [state, formAction, pending] = useActionState(action, initialFormState() as Awaited<State>);
  // Every State is a FormState; TypeScript cannot see through Awaited<> of a type parameter.
  const outcome = state as FormState<unknown>;
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(outcome, form);
  const error = (field: string): ErrorKey | undefined => (outcome.status === "error" ? outcome.fieldErrors?.[field]?.[0] : undefined);
  return { state, formAction, pending, form, message, error };
}

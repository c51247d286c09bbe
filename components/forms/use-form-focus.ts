"use client";

import { useEffect, useRef } from "react";

/**
 * After a submission, focus moves where the person needs to look: to the first invalid field after an error,
 * to the outcome message after a success. Returns the ref to put on the outcome message.
 */
export function useFormFocus(state: { status: string; submission: number }, form: React.RefObject<HTMLFormElement | null>) {
  const message = useRef<HTMLParagraphElement & HTMLDivElement>(null);
  useEffect(() => {
    if (state.submission === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (state.status === "error" && invalid) invalid.focus();
    else message.current?.focus();
  }, [state, form]);
  return message;
}

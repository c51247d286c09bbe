"use client";

import { useTranslations } from "next-intl";
import type { ErrorKey, FieldErrors } from "@/lib/errors";

/**
 * The outcome of a submission, announced politely: the success message once done, the refusal's message on
 * error. With `messageRef` the message can take focus (see useFormFocus); with `quietOnFieldErrors` an error that
 * has field errors is shown beside the fields only. While a new submission is `pending`, the previous one's success
 * is not shown: "saved" must never describe a save still under way.
 */
export function FormNotice(props: {
  state: { status: "idle" | "done" } | { status: "error"; messageKey: ErrorKey; fieldErrors?: FieldErrors };
  success?: React.ReactNode;
  showSuccess?: boolean;
  quietOnFieldErrors?: boolean;
  messageRef?: React.Ref<HTMLParagraphElement>;
  pending?: boolean;
}) {
  const tErrors = useTranslations("errors");
  const { state, messageRef } = props;
  const focusable = messageRef ? { tabIndex: -1, ref: messageRef } : {};
  const showSuccess = !props.pending && (props.showSuccess ?? state.status === "done");
  return (
    <div role="status" aria-live="polite">
      {props.success !== undefined && showSuccess && (
        <p className="notice notice--success" {...focusable}>
          {props.success}
        </p>
      )}
      {state.status === "error" && !(props.quietOnFieldErrors && state.fieldErrors) && (
        <p className="notice notice--error" role="alert" {...focusable}>
          {tErrors(state.messageKey)}
        </p>
      )}
    </div>
  );
}

/** The form's submit button, disabled while the submission is under way. */
export function SubmitButton({ pending, className = "button", children }: { pending: boolean; className?: string; children: React.ReactNode }) {
  return (
    <button type="submit" className={className} disabled={pending}>
      {children}
    </button>
  );
}

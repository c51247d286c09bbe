"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ErrorKey } from "@/lib/errors";

/** What a field's control carries so that screen readers announce its hint and its error with it. */
export type FieldControlProps = { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined };

/**
 * A labelled control of any kind (input, textarea, file, colour…) with its hint and its error in place:
 * `children` receives the id and aria attributes to spread on the control.
 */
export function FieldFrame(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ErrorKey;
  /** Shown between the label and the control (the current cover image, say). */
  preface?: ReactNode;
  /** Shown after the error (a checkbox that goes with the control, say). */
  after?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const tErrors = useTranslations("errors");
  const { id, hint, error } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.preface}
      {props.children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {tErrors(error)}
        </p>
      )}
      {props.after}
    </div>
  );
}

/** A labelled text input with its hint and its error in place, wired for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  error?: ErrorKey;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  idPrefix?: string;
  /** The control's id, when it is not `<idPrefix>-<name>`. */
  id?: string;
}) {
  return (
    <FieldFrame id={props.id ?? `${props.idPrefix ?? "field"}-${props.name}`} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          name={props.name}
          type={props.type ?? "text"}
          defaultValue={props.defaultValue}
          required={props.required}
          autoComplete={props.autoComplete}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
        />
      )}
    </FieldFrame>
  );
}

type FieldProps = Parameters<typeof Field>[0];

/** A person's name as others will see it: required, at most 100 characters, offered by the browser's autofill. */
export function NameField(props: Pick<FieldProps, "label" | "hint" | "defaultValue" | "error" | "idPrefix">) {
  return <Field name="name" required maxLength={100} autoComplete="name" {...props} />;
}

/** A password being chosen (named "password" unless told), offered to the password manager as a new one. */
export function NewPasswordField(props: Pick<FieldProps, "label" | "hint" | "required" | "error" | "idPrefix"> & { name?: string }) {
  return <Field name="password" type="password" autoComplete="new-password" {...props} />;
}

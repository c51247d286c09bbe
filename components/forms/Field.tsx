"use client";

import { useTranslations } from "next-intl";
import type { ErrorKey } from "@/lib/errors";

/** A labelled input with its hint and its error in place, wired for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  error?: ErrorKey;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  idPrefix?: string;
}) {
  const tErrors = useTranslations("errors");
  const id = `${props.idPrefix ?? "field"}-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.required}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy}
      />
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="field-error">
          {tErrors(props.error)}
        </p>
      )}
    </div>
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

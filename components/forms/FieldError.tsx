"use client";

import { useTranslations } from "next-intl";
import type { ErrorKey } from "@/lib/errors";

/** A field's error message under it, when it has one. */
export function FieldError({ error, id }: { error: ErrorKey | undefined; id?: string }) {
  const tErrors = useTranslations("errors");
  return error ? (
    <p className="field-error" id={id}>
      {tErrors(error)}
    </p>
  ) : null;
}

"use client";

import { useTranslations } from "next-intl";
import type { ErrorKey } from "@/lib/errors";

// Every IANA zone the runtime knows, grouped by region as people look for them.
const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Europe/Paris", "UTC"];

/** A time zone chosen from the list — the site's own zone first — rather than typed. */
export function TimeZoneSelect(props: { name: string; id: string; label: string; defaultValue: string; first: string; error?: ErrorKey }) {
  const tErrors = useTranslations("errors");
  const zones = [props.first, ...ZONES.filter((zone) => zone !== props.first)];
  if (props.defaultValue && !zones.includes(props.defaultValue)) zones.unshift(props.defaultValue);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue || props.first} aria-invalid={Boolean(props.error)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </select>
      {props.error && <p className="field-error">{tErrors(props.error)}</p>}
    </div>
  );
}

"use client";

import { FieldFrame } from "@/components/forms/Field";
import type { ErrorKey } from "@/lib/errors";

// Every IANA zone the runtime knows, grouped by region as people look for them.
const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Europe/Paris", "UTC"];

/** A time zone chosen from the list — the site's own zone first — rather than typed. */
export function TimeZoneSelect(props: { name: string; id: string; label: string; defaultValue: string; first: string; error?: ErrorKey }) {
  const zones = [props.first, ...ZONES.filter((zone) => zone !== props.first)];
  if (props.defaultValue && !zones.includes(props.defaultValue)) zones.unshift(props.defaultValue);
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <select {...control} name={props.name} defaultValue={props.defaultValue || props.first}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

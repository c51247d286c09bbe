import { z } from "zod";

// Characters that make no sense in what people type here and can deceive readers or break storage:
// NUL and other control characters (PostgreSQL refuses NUL in text), bidirectional overrides and isolates
// ("Trojan Source" tricks: text displayed in another order than it is stored), and invisible zero-width
// characters that make two names look alike.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this expression is for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAKS = /[\r\n\t]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const INVISIBLE = /[\u200b\u200c\u2060\ufeff\u00ad]/g;

/** A one-line text (a name, a title): controls, line breaks, bidi controls and invisible characters removed. */
export function cleanLine(value: string): string {
  return value.replace(CONTROL, "").replace(LINE_BREAKS, " ").replace(BIDI_CONTROLS, "").replace(INVISIBLE, "");
}

/** A multi-line text (a comment, a recap): controls and bidi overrides removed; line breaks kept. */
export function cleanText(value: string): string {
  return value
    .replace(CONTROL, "")
    .replace(BIDI_CONTROLS, "")
    .replace(/\ufeff/g, "");
}

/** zod: a string cleaned as one line, before its other checks. */
export const lineText = (schema: z.ZodString) => z.preprocess((value) => (typeof value === "string" ? cleanLine(value) : value), schema);
/** zod: a string cleaned as multi-line text, before its other checks. */
export const multilineText = (schema: z.ZodString) => z.preprocess((value) => (typeof value === "string" ? cleanText(value) : value), schema);

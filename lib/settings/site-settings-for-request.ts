import { cache } from "react";
import { db } from "@/lib/db/client";
import { getSiteSettings } from "./site-settings";

/**
 * The site's settings for the page being rendered, read once: the layout, the metadata, the page, its components
 * and the translations' language all share that one read (React's per-request cache).
 */
export const siteSettingsForRequest = cache(() => getSiteSettings(db));

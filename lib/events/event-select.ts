/** What an event list shows of each event: its card on the home page, feeds and the calendar. */
export const eventCardSelect = {
  slug: true,
  title: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  summary: true,
  language: true,
} as const;

/** What the event page shows, and the editor edits, of the event itself (not its comments or recap). */
export const eventDetailsSelect = {
  ...eventCardSelect,
  venueAddress: true,
  hostNames: true,
  topic: true,
  coverAssetId: true,
} as const;

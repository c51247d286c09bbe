import { zonedLocalToUtc } from "@/lib/i18n/zoned-time";

const MONTHS: Record<string, number> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  // No "mar": in French it is Tuesday ("mar. 14 mai").
  jan: 1,
  feb: 2,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const FRENCH_MONTHS = new Set([
  "janvier",
  "février",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
  "decembre",
]);
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** "14 mars", "3 octobre 2019", "1er mai", "21 May", "May 21st, 2022". */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH})\\.?(?:\\s+(\\d{4}))?\\b`, "i");
const MONTH_DAY = new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "i");
/** "18h30", "8h", "18 h 30", "18:30", "10am", "12:30 pm". */
const TIME = /\b(\d{1,2})(?:\s*h\s*(\d{2})?|:(\d{2})(?:\s*([ap])\.?m\.?)?|\s*([ap])\.?m\.?)(?![\w])/gi;
/** A range whose first hour is a bare number: "de 18 à 20h", "10–11am", "7-9pm". */
const BARE_RANGE = /\b(\d{1,2})(?:[:h](\d{2}))?\s*(?:-|–|—|à|to|until|till)\s*(\d{1,2}(?:\s*h\s*(?:\d{2})?|:\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?))(?![\w])/i;

export type ReadDate = {
  startsAt: Date;
  endsAt: Date;
  language: "fr" | "en";
  /** The day was read but not the time. */
  timeMissing: boolean;
  /** The text gave no year and the day had passed when the post was written: next year's is a guess to check. */
  yearGuessed: boolean;
  /** Where the date was found in the text. */
  index: number;
  length: number;
};

function hour(match: RegExpExecArray): { hour: number; minute: number } | null {
  let h = Number(match[1]);
  const minute = Number(match[2] ?? match[3] ?? 0);
  const meridiem = (match[4] ?? match[5] ?? "").toLowerCase();
  if (meridiem === "p" && h < 12) h += 12;
  if (meridiem === "a" && h === 12) h = 0;
  if (h > 23 || minute > 59) return null;
  return { hour: h, minute };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The date and hours of an event, read from its announcement in French or English ("Le 28 septembre de 8h à 10h",
 * "jeudi 3 octobre 2019, 12h–13h", "Saturday 21 May, 10am–12:30pm"), in the site's time zone. The year, when the
 * text has none, is the post's, or the next one if that day had already passed when the post was written. With no
 * end hour the event lasts two hours. Null when no day can be read.
 */
export function readEventDate(text: string, postedAt: Date, timeZone: string): ReadDate | null {
  const dayFirst = DAY_MONTH.exec(text);
  const monthFirst = MONTH_DAY.exec(text);
  const found =
    dayFirst && (!monthFirst || dayFirst.index <= monthFirst.index)
      ? { day: Number(dayFirst[1]), month: dayFirst[2], year: dayFirst[3], index: dayFirst.index, length: dayFirst[0].length }
      : monthFirst
        ? { day: Number(monthFirst[2]), month: monthFirst[1], year: monthFirst[3], index: monthFirst.index, length: monthFirst[0].length }
        : null;
  if (!found) return null;
  const month = MONTHS[found.month.toLowerCase()];
  if (!month || found.day < 1 || found.day > 31) return null;
  // Hours are looked for just after the day (the same sentence), not anywhere in the post.
  const after = text.slice(found.index + found.length, found.index + found.length + 80).split(/[.!?\n](?:\s|$)/)[0];
  const times: { hour: number; minute: number }[] = [];
  const firstTime = new RegExp(TIME.source, "i").exec(after);
  const range = BARE_RANGE.exec(after);
  if (range && (!firstTime || range.index < firstTime.index)) {
    // "10–11am", "de 18 à 20h": the second hour is written in full, and its am/pm applies to the first too.
    const end = hour(new RegExp(TIME.source, "i").exec(range[3])!);
    if (end) {
      let start = Number(range[1]);
      const pm = /p\.?m/i.test(range[3]);
      if (pm && start < 12 && start + 12 <= end.hour) start += 12;
      if (start <= 23) times.push({ hour: start, minute: Number(range[2] ?? 0) }, end);
    }
  }
  if (times.length === 0) {
    for (const match of after.matchAll(TIME)) {
      const time = hour(match as RegExpExecArray);
      if (time) times.push(time);
      if (times.length > 1) break;
    }
  }
  let year = found.year ? Number(found.year) : postedAt.getUTCFullYear();
  const build = (y: number, time: { hour: number; minute: number }) => {
    const local = `${y}-${pad(month)}-${pad(found.day)}T${pad(time.hour)}:${pad(time.minute)}`;
    try {
      return zonedLocalToUtc(local, timeZone);
    } catch {
      return null;
    }
  };
  const start = times[0] ?? { hour: 0, minute: 0 };
  let startsAt = build(year, start);
  if (!startsAt) return null;
  let yearGuessed = false;
  if (!found.year && startsAt.getTime() < postedAt.getTime() - 30 * 86_400_000) {
    year += 1;
    yearGuessed = true;
    startsAt = build(year, start);
    if (!startsAt) return null;
  }
  let endsAt = times[1] ? build(year, times[1]) : null;
  if (!endsAt || endsAt <= startsAt) endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
  return {
    startsAt,
    endsAt,
    language: FRENCH_MONTHS.has(found.month.toLowerCase()) ? "fr" : "en",
    timeMissing: times.length === 0,
    yearGuessed,
    index: found.index,
    length: found.length,
  };
}

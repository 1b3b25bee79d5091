/** An instant of the API, for people: in their own time zone, to the minute (or only the day, where that is enough). */
export const formatInstant = (instant: string | null | undefined, never = "", dayOnly = false) =>
  instant
    ? new Date(instant).toLocaleString(undefined, dayOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" })
    : never;

/** The same instant to the second, with the time zone's name, and in UTC. */
export const formatExact = (instant: Date) =>
  `${instant.toLocaleString(undefined, { dateStyle: "long", timeStyle: "long" })} (${instant.toISOString()})`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day typed or picked as YYYY-MM-DD; undefined for anything else, including days that do not exist. */
export const parseDay = (text: string): Date | undefined => {
  const match = DAY.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
};

/** The last second of that day in the person's own time zone: a key chosen to expire on a day works all that day. */
export const endOfDay = (day: Date) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59);

export type Expiry = { instant?: Date; problem?: string };

/** What a typed expiry day means: nothing (never expires), an instant, or the problem with it. */
export const expiryOf = (text: string, now = new Date()): Expiry => {
  if (!text.trim()) return {};
  const day = parseDay(text);
  if (!day) return { problem: "iamExpiryFormat" };
  const instant = endOfDay(day);
  return instant <= now ? { problem: "iamExpiryPast" } : { instant };
};

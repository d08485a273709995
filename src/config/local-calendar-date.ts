/**
 * The calendar date of `date` in the local time zone, as `YYYY-MM-DD`: the "today" that exemption
 * expiry dates are compared with (`matchExemption`). Local time is what a user writing
 * `expires: 2027-01-31` means; set `TZ` (e.g. `TZ=UTC`) for runs that must agree across machines.
 */
export function localCalendarDate(date: Date): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

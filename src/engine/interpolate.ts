/**
 * Fills `{{name}}` placeholders of a message template from `data` (ESLint's `interpolate`).
 * A placeholder without data is left as written, so a missing value shows in review instead of
 * silently disappearing.
 */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** `2025-03-07` in China time (the date users see on their phones), or '' for an invalid date. */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return '';
  const china = new Date(time + 8 * 3_600_000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`;
}

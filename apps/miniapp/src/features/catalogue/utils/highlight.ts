/** A run of characters to show: `marked` runs matched the search text (C2). */
export interface TextPart {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * Cuts `text` into plain and marked parts by the BFF's ranges (UTF-16 offsets and lengths). Ranges out
 * of bounds or overlapping are clipped, so a stale answer never breaks the name shown.
 */
export function splitHighlights(
  text: string,
  ranges: readonly { start: number; length: number }[] | null | undefined,
): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  const sorted = [...(ranges ?? [])].sort((a, b) => a.start - b.start);
  for (const range of sorted) {
    const start = Math.max(at, Math.min(text.length, range.start));
    const end = Math.max(start, Math.min(text.length, range.start + range.length));
    if (end === start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

import type { Fen } from './product.js';

/**
 * Converts a decimal yuan string or number from an upstream ("128.50", 128.5) into integer fen.
 * Returns null when the value is not a non-negative amount with at most two decimals.
 */
export function yuanToFen(value: string | number): Fen | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + fraction;
  return Number.isSafeInteger(fen) ? fen : null;
}

/**
 * Formats fen as a yuan amount for display, trailing zeros dropped: 12850 → "128.5", 10000 → "100",
 * -150 → "-1.5". Integer arithmetic only, so no floating-point drift.
 */
export function formatYuan(fen: Fen): string {
  const rounded = Math.round(fen);
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${yuan}`;
  return `${sign}${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

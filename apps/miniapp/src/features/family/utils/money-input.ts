import { formatYuan, yuanToFen } from '@family/domain';

/**
 * Amounts in the family forms: people type yuan (元), the BFF takes integer fen (分, the `Money`
 * scalar). Converted with integer arithmetic only, so 0.1 + 0.2 never turns into 30.000000000000004 fen.
 */

const FEN_PER_WAN = 1_000_000; // 1万元 = 10,000 yuan

/** What a typed amount reads as: nothing typed, an amount in fen, or text that is not an amount. */
export type YuanReading = { kind: 'empty' } | { kind: 'amount'; fen: number } | { kind: 'invalid' };

/**
 * Reads an amount typed in yuan: `128.5`, `¥1,280.50`, `3 000`, and in 万 (sums insured are usually
 * said that way): `50万`, `1.5万`. At most two decimals of yuan (six of 万); never negative.
 */
export function readYuan(text: string): YuanReading {
  const compact = text
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (compact === '') return { kind: 'empty' };
  const wan = /^(\d+)(?:\.(\d{1,6}))?万$/.exec(compact);
  if (wan) {
    const fen = Number(wan[1]) * FEN_PER_WAN + Number((wan[2] ?? '').padEnd(6, '0'));
    return Number.isSafeInteger(fen) ? { kind: 'amount', fen } : { kind: 'invalid' };
  }
  const fen = /^\d+(\.\d{1,2})?$/.test(compact) ? yuanToFen(compact) : null;
  return fen === null ? { kind: 'invalid' } : { kind: 'amount', fen };
}

/** An amount in fen as the form shows it for editing: 12850 → "128.5"; null → "". */
export function fenToYuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : formatYuan(fen);
}

/** An exact amount for display: 12850 → "¥128.5", 320000 → "¥3200". */
export function formatYuanExact(fen: number): string {
  return `¥${formatYuan(fen)}`;
}

/**
 * A sum insured in 万元, as the overview's cells show it, with at most two decimals: ¥600万 → "600万",
 * ¥15,000 → "1.5万"; below ¥1万 the exact yuan ("¥3000").
 */
export function formatWan(fen: number): string {
  if (fen < FEN_PER_WAN) return formatYuanExact(fen);
  return `${formatYuan(Math.round(fen / (FEN_PER_WAN / 100)))}万`;
}

/** The same amount as a screen reader should say it: "600万元", "1.5万元", "3000元". */
export function spokenWan(fen: number): string {
  if (fen < FEN_PER_WAN) return `${formatYuan(fen)}元`;
  return `${formatYuan(Math.round(fen / (FEN_PER_WAN / 100)))}万元`;
}

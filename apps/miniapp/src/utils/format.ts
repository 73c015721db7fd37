import { formatYuan } from '@family/domain';

/**
 * Formats a price in fen (1/100 CNY) as a "from" price: 12800 → "¥128起", 12850 → "¥128.5起",
 * 12805 → "¥128.05起". Trailing zeros of the decimals are dropped.
 */
export function formatPriceFrom(fen: number): string {
  return `¥${formatYuan(fen)}起`;
}

/** "部分保险公司暂时无法连接：A保险、B保险" for the insurers missing from an answer. */
export function formatUnavailableInsurers(names: readonly string[]): string {
  const unique = Array.from(new Set(names));
  return `部分保险公司暂时无法连接：${unique.join('、')}`;
}

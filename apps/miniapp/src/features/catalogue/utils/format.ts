// Shared with the BFF's H5 first screen (packages/domain/src/display.ts).
export { formatPriceFrom, formatScore } from '@family/domain';

/** "部分保险公司暂时无法连接：A保险、B保险" for the insurers missing from an answer. */
export function formatUnavailableInsurers(names: readonly string[]): string {
  const unique = Array.from(new Set(names));
  return `部分保险公司暂时无法连接：${unique.join('、')}`;
}

/** Data older than this is worth mentioning. */
export const DATA_AGE_NOTICE_SECONDS = 60;

/**
 * How old the catalogue data is, or null when it is fresh enough not to mention:
 * 90 → "数据更新于 1 分钟前", 7200 → "数据更新于 2 小时前".
 */
export function formatDataAge(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= DATA_AGE_NOTICE_SECONDS) return null;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `数据更新于 ${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `数据更新于 ${hours} 小时前`;
  return `数据更新于 ${Math.floor(hours / 24)} 天前`;
}

import { formatYuan } from './money.js';
import type { Fen } from './product.js';

// Display helpers for Chinese text. Plain arithmetic and toFixed only (no Intl, no toLocaleString),
// so the BFF, WeChat, Alipay and H5 all print the same characters.

const FEN_PER_WAN = 1_000_000; // 1万元 = 10,000 yuan = 1,000,000 fen
const FEN_PER_YI = 10_000_000_000; // 1亿元

/**
 * A money amount the way Chinese insurance pages write it: ¥300万, ¥1.5万, ¥12亿, ¥218, ¥218.5.
 * Amounts from 1万 yuan up are shown in 万 (from 1亿 in 亿) with at most two decimals.
 */
export function formatMoney(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  // formatYuan prints an integer count of hundredths with trailing zeros dropped, which is exactly
  // what "1.5万" needs once the amount is expressed in hundredths of 万 or 亿.
  const hundredthsOfWan = Math.round(abs / (FEN_PER_WAN / 100));
  if (hundredthsOfWan >= 1_000_000) return `${sign}¥${formatYuan(Math.round(abs / (FEN_PER_YI / 100)))}亿`;
  if (abs >= FEN_PER_WAN) return `${sign}¥${formatYuan(hundredthsOfWan)}万`;
  return `${sign}¥${formatYuan(abs)}`;
}

/** A number with at most `maxDecimals` decimals, trailing zeros dropped: 3.5 → "3.5", 2.0 → "2". */
export function formatDecimal(value: number, maxDecimals = 2): string {
  const fixed = value.toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * A product's lowest price as a "from" price, its amount in fen: 12800 → "¥128起", 12850 →
 * "¥128.5起", 12805 → "¥128.05起" (trailing zeros of the decimals dropped). Cards in the app and
 * the H5 first screen the BFF writes (apps/bff/src/common/http/h5-document.ts) show it alike.
 */
export function formatPriceFrom(fen: Fen): string {
  return `¥${formatYuan(fen)}起`;
}

/** A composite score with one decimal: 88.94 → "88.9", 90 → "90". */
export function formatScore(score: number): string {
  return formatDecimal(score, 1);
}

/** A fraction as a percentage: 0.0015 → "0.15%", 0.85 → "85%". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  return `${formatDecimal(fraction * 100, maxDecimals)}%`;
}

/** An inclusive age range: "0–60周岁". */
export function formatAgeRange(minAge: number, maxAge: number): string {
  return `${minAge}–${maxAge}周岁`;
}

/** A waiting period: "30天", or "无等待期" for 0. */
export function formatWaitingPeriod(days: number): string {
  return days > 0 ? `${formatDecimal(days)}天` : '无等待期';
}

/** A deductible: "¥1万", or "无免赔额" for 0. */
export function formatDeductible(fen: Fen): string {
  return fen > 0 ? formatMoney(fen) : '无免赔额';
}

/** Guaranteed renewal: "6年", or "不保证续保" for 0. */
export function formatGuaranteedRenewal(years: number): string {
  return years > 0 ? `${formatDecimal(years)}年` : '不保证续保';
}

/** Sum insured of one coverage item; 0 means the item has no separate cap. */
export function formatSumInsured(fen: Fen): string {
  return fen > 0 ? formatMoney(fen) : '不单独设限';
}

/** Occupation classes accepted, from class 1: "1–4类". */
export function formatOccupationClasses(maxClass: number): string {
  return maxClass > 1 ? `1–${maxClass}类` : `${maxClass}类`;
}

/** A signed point count for explanations: "+13", "-8", "0". */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/**
 * A large amount given in whole yuan (registered capital), exact: "10亿元", "12.5亿元", "8000万元",
 * "999999999元". Never rounded, so a value just under a limit does not print as the limit.
 */
export function formatYuanAmount(yuan: number): string {
  if (Number.isInteger(yuan) && Math.abs(yuan) >= 100_000_000 && yuan % 1_000_000 === 0) {
    return `${formatDecimal(yuan / 100_000_000)}亿元`;
  }
  if (Number.isInteger(yuan) && yuan !== 0 && yuan % 10_000 === 0) return `${yuan / 10_000}万元`;
  return `${formatDecimal(yuan)}元`;
}

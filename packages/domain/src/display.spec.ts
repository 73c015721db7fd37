import {
  formatDecimal,
  formatMoney,
  formatPercent,
  formatPriceFrom,
  formatScore,
  formatSumInsured,
  formatWaitingPeriod,
  formatYuanAmount,
} from './display.js';

describe('formatMoney', () => {
  it.each([
    [0, '¥0'],
    [21800, '¥218'],
    [21850, '¥218.5'],
    [999_999, '¥9999.99'],
    [1_000_000, '¥1万'],
    [1_500_000, '¥1.5万'],
    [1_234_567, '¥1.23万'],
    [300_000_000, '¥300万'],
    [9_999_000_000, '¥9999万'],
    [9_999_996_000, '¥1亿'],
    [10_000_000_000, '¥1亿'],
    [125_000_000_000, '¥12.5亿'],
    [-150, '-¥1.5'],
  ])('formats %p fen as %p', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });
});

describe('formatYuanAmount', () => {
  it.each([
    [1_000_000_000, '10亿元'],
    [1_250_000_000, '12.5亿元'],
    [80_000_000, '8000万元'],
    [999_999_999, '999999999元'],
    [0, '0元'],
  ])('formats %p yuan exactly as %p', (yuan, text) => {
    expect(formatYuanAmount(yuan)).toBe(text);
  });
});

describe('small formatters', () => {
  it('formats decimals and percentages without trailing zeros or -0', () => {
    expect(formatDecimal(3.5)).toBe('3.5');
    expect(formatDecimal(2)).toBe('2');
    expect(formatDecimal(-0.001)).toBe('0');
    expect(formatPercent(0.0015)).toBe('0.15%');
    expect(formatPercent(0.85)).toBe('85%');
  });

  it('names the zero cases', () => {
    expect(formatSumInsured(0)).toBe('不单独设限');
    expect(formatWaitingPeriod(0)).toBe('无等待期');
  });
});

describe('formatPriceFrom', () => {
  it('formats whole yuan without decimals', () => {
    expect(formatPriceFrom(12800)).toBe('¥128起');
    expect(formatPriceFrom(0)).toBe('¥0起');
  });

  it('drops trailing zeros of the fen', () => {
    expect(formatPriceFrom(12850)).toBe('¥128.5起');
    expect(formatPriceFrom(12805)).toBe('¥128.05起');
    expect(formatPriceFrom(12899)).toBe('¥128.99起');
    expect(formatPriceFrom(5)).toBe('¥0.05起');
  });
});

describe('formatScore', () => {
  it('shows one decimal at most', () => {
    expect(formatScore(88.94)).toBe('88.9');
    expect(formatScore(90)).toBe('90');
  });
});

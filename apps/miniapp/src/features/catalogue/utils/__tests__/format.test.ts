import { formatDataAge, formatPriceFrom, formatScore, formatUnavailableInsurers } from '../format';

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

describe('formatUnavailableInsurers', () => {
  it('lists each insurer once', () => {
    expect(formatUnavailableInsurers(['XX保险', 'YY保险', 'XX保险'])).toBe('部分保险公司暂时无法连接：XX保险、YY保险');
  });
});

describe('formatDataAge', () => {
  it('says nothing about fresh data', () => {
    expect(formatDataAge(0)).toBeNull();
    expect(formatDataAge(60)).toBeNull();
    expect(formatDataAge(Number.NaN)).toBeNull();
  });

  it('says how old older data is, in minutes, hours or days', () => {
    expect(formatDataAge(61)).toBe('数据更新于 1 分钟前');
    expect(formatDataAge(3599)).toBe('数据更新于 59 分钟前');
    expect(formatDataAge(7200)).toBe('数据更新于 2 小时前');
    expect(formatDataAge(3 * 86400 + 5)).toBe('数据更新于 3 天前');
  });
});

describe('formatScore', () => {
  it('shows one decimal at most', () => {
    expect(formatScore(88.94)).toBe('88.9');
    expect(formatScore(90)).toBe('90');
  });
});

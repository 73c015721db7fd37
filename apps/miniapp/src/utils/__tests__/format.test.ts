import { formatPriceFrom, formatUnavailableInsurers } from '../format';

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

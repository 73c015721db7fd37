import { formatDataAge, formatUnavailableInsurers } from '../format';

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

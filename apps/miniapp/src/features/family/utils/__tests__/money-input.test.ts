import { fenToYuanText, formatWan, formatYuanExact, readYuan, spokenWan } from '../money-input';

describe('readYuan', () => {
  it('reads yuan into exact fen', () => {
    expect(readYuan('128.5')).toEqual({ kind: 'amount', fen: 12850 });
    expect(readYuan('128.50')).toEqual({ kind: 'amount', fen: 12850 });
    expect(readYuan('0.1')).toEqual({ kind: 'amount', fen: 10 });
    expect(readYuan('0.29')).toEqual({ kind: 'amount', fen: 29 });
    expect(readYuan('3000')).toEqual({ kind: 'amount', fen: 300000 });
    expect(readYuan('0')).toEqual({ kind: 'amount', fen: 0 });
  });

  it('accepts the ways people write amounts', () => {
    expect(readYuan(' ¥1,280.50 ')).toEqual({ kind: 'amount', fen: 128050 });
    expect(readYuan('￥3 000元')).toEqual({ kind: 'amount', fen: 300000 });
    expect(readYuan('1，000')).toEqual({ kind: 'amount', fen: 100000 });
  });

  it('reads amounts in 万 exactly', () => {
    expect(readYuan('50万')).toEqual({ kind: 'amount', fen: 500_000_00 });
    expect(readYuan('1.5万')).toEqual({ kind: 'amount', fen: 15_000_00 });
    expect(readYuan('0.0001万')).toEqual({ kind: 'amount', fen: 100 });
    expect(readYuan('300万元')).toEqual({ kind: 'amount', fen: 3_000_000_00 });
  });

  it('says when nothing was typed, and refuses what is not an amount', () => {
    expect(readYuan('')).toEqual({ kind: 'empty' });
    expect(readYuan('  ')).toEqual({ kind: 'empty' });
    for (const text of ['abc', '1.234', '-5', '1.2.3', '5万元万', '1e5', '.5', '0.0000001万']) {
      expect(readYuan(text)).toEqual({ kind: 'invalid' });
    }
  });
});

describe('fenToYuanText', () => {
  it('shows fen as yuan for editing, and nothing for null', () => {
    expect(fenToYuanText(12850)).toBe('128.5');
    expect(fenToYuanText(12805)).toBe('128.05');
    expect(fenToYuanText(300000)).toBe('3000');
    expect(fenToYuanText(null)).toBe('');
    expect(fenToYuanText(undefined)).toBe('');
  });

  it('round-trips through readYuan', () => {
    for (const fen of [0, 1, 10, 99, 12850, 12805, 100_000_000_00]) {
      expect(readYuan(fenToYuanText(fen))).toEqual({ kind: 'amount', fen });
    }
  });
});

describe('formatWan and spokenWan', () => {
  it('writes sums insured in 万元', () => {
    expect(formatWan(600_000_000)).toBe('600万');
    expect(formatWan(1_500_000)).toBe('1.5万');
    expect(formatWan(1_000_000)).toBe('1万');
    expect(formatWan(1_234_567)).toBe('1.23万');
    expect(formatWan(300_000)).toBe('¥3000');
    expect(spokenWan(600_000_000)).toBe('600万元');
    expect(spokenWan(300_000)).toBe('3000元');
  });

  it('writes exact yuan', () => {
    expect(formatYuanExact(12850)).toBe('¥128.5');
    expect(formatYuanExact(320000)).toBe('¥3200');
  });
});

import { funnelBars, MIN_VISIBLE_PERCENT } from '../funnel';

describe('funnel bars', () => {
  it('sizes each step against the widest, in words as well', () => {
    const bars = funnelBars({ opened: 20, signedUp: 10, converted: 5, bought: 0 });
    expect(bars.map((bar) => [bar.label, bar.count, bar.percent])).toEqual([
      ['查看', 20, 100],
      ['注册', 10, 50],
      ['加入/测算', 5, 25],
      ['投保', 0, 0],
    ]);
    expect(bars[0].spoken).toBe('查看 20 次');
    expect(bars[1].spoken).toBe('注册 10 人');
  });

  it('keeps a small step visible and an empty funnel flat', () => {
    expect(funnelBars({ opened: 1000, signedUp: 1, converted: 0, bought: 0 })[1].percent).toBe(MIN_VISIBLE_PERCENT);
    expect(funnelBars({ opened: 0, signedUp: 0, converted: 0, bought: 0 }).map((bar) => bar.percent)).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('uses the widest step when a later one is larger (a sign-up without a counted landing)', () => {
    const bars = funnelBars({ opened: 2, signedUp: 4, converted: 1, bought: 0 });
    expect(bars.map((bar) => bar.percent)).toEqual([50, 100, 25, 0]);
  });
});

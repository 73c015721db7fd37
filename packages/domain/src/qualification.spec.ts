import { assessInsurer, MAX_COMPLAINT_RATE, MIN_REGISTERED_CAPITAL_YUAN } from './qualification.js';
import { makeInsurerFacts } from './testing.js';

describe('assessInsurer', () => {
  it('qualifies an insurer exactly at both limits', () => {
    const facts = makeInsurerFacts({ registeredCapitalYuan: 1_000_000_000, complaintRate: 0.0015 });
    expect(assessInsurer(facts)).toEqual({ qualified: true, reasons: [] });
  });

  it('uses the limits from seed 001', () => {
    expect(MIN_REGISTERED_CAPITAL_YUAN).toBe(1e9);
    expect(MAX_COMPLAINT_RATE).toBe(0.0015);
  });

  it('fails one yuan below the capital limit, naming the value and the limit', () => {
    const result = assessInsurer(makeInsurerFacts({ registeredCapitalYuan: 999_999_999 }));
    expect(result.qualified).toBe(false);
    expect(result.reasons).toEqual(['注册资本 999999999元，低于准入要求 10亿元']);
  });

  it('shows capital in 亿元', () => {
    const result = assessInsurer(makeInsurerFacts({ registeredCapitalYuan: 500_000_000 }));
    expect(result.reasons).toEqual(['注册资本 5亿元，低于准入要求 10亿元']);
  });

  it('fails just above the complaint-rate limit', () => {
    const result = assessInsurer(makeInsurerFacts({ complaintRate: 0.0016 }));
    expect(result).toEqual({ qualified: false, reasons: ['投诉率 0.16%，高于准入上限 0.15%'] });
  });

  it('reports every failed criterion, not just the first', () => {
    const result = assessInsurer(makeInsurerFacts({ registeredCapitalYuan: 80_000_000, complaintRate: 0.00225 }));
    expect(result.qualified).toBe(false);
    expect(result.reasons).toEqual(['注册资本 8000万元，低于准入要求 10亿元', '投诉率 0.225%，高于准入上限 0.15%']);
  });

  it('fails facts it cannot check', () => {
    const result = assessInsurer(makeInsurerFacts({ registeredCapitalYuan: Number.NaN, complaintRate: Number.NaN }));
    expect(result.qualified).toBe(false);
    expect(result.reasons).toHaveLength(2);
  });
});

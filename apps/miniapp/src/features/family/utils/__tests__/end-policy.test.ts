import { endPolicyServerErrors, validateEndPolicy } from '../end-policy';

describe('validateEndPolicy', () => {
  const today = '2026-12-01';

  it('needs a reason and a date between the start and today', () => {
    expect(validateEndPolicy({ reason: 'SURRENDERED', date: '2026-12-01' }, '2024-03-01', today)).toEqual({});
    expect(validateEndPolicy({ reason: null, date: '' }, '2024-03-01', today)).toEqual({
      reason: '请选择终止原因',
      date: '请选择终止日期',
    });
    expect(validateEndPolicy({ reason: 'CLAIMED', date: '2026-12-02' }, '2024-03-01', today).date).toBe(
      '终止日期不能晚于今天',
    );
    expect(validateEndPolicy({ reason: 'LAPSED', date: '2024-02-29' }, '2024-03-01', today).date).toBe(
      '终止日期不能早于生效日期',
    );
    expect(validateEndPolicy({ reason: 'LAPSED', date: '2026-02-30' }, '2024-03-01', today).date).toBe(
      '终止日期须为有效日期',
    );
  });

  it('puts the BFF reasons at the date, or on the sheet', () => {
    expect(
      endPolicyServerErrors([
        { field: 'date', message: '终止日期不能晚于今天' },
        { field: null, message: '保存失败' },
      ]),
    ).toEqual({ date: '终止日期不能晚于今天', form: '保存失败' });
  });
});

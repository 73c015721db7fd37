import { FaultControl, parseControlRequest } from './faults.js';

describe('parseControlRequest', () => {
  const insurers = ['kangning', 'anxin'];

  it('defaults errorRate to 1 when a failure mode is given, 0 otherwise', () => {
    expect(parseControlRequest({ insurer: 'anxin', failureMode: 'hang' }, insurers)).toEqual({
      ok: true,
      insurerCode: 'anxin',
      settings: { latencyMs: 0, errorRate: 1, failureMode: 'hang' },
    });
    expect(parseControlRequest({ insurer: 'anxin', latencyMs: 120 }, insurers)).toEqual({
      ok: true,
      insurerCode: 'anxin',
      settings: { latencyMs: 120, errorRate: 0, failureMode: 'none' },
    });
  });

  it.each([
    [null, 'body'],
    [{ insurer: 'nobody' }, 'insurer'],
    [{ insurer: 'anxin', latencyMs: -1 }, 'latencyMs'],
    [{ insurer: 'anxin', latencyMs: '5' }, 'latencyMs'],
    [{ insurer: 'anxin', failureMode: 'explode' }, 'failureMode'],
    [{ insurer: 'anxin', failureMode: 'http500', errorRate: 1.5 }, 'errorRate'],
  ])('refuses %p naming %p', (body, field) => {
    const result = parseControlRequest(body, insurers);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(field);
  });
});

describe('FaultControl.draw', () => {
  it('fails the share of requests the error rate asks for', () => {
    const values = [0.1, 0.6, 0.49, 0.5];
    const control = new FaultControl(() => values.shift() ?? 1);
    control.set('anxin', { latencyMs: 0, errorRate: 0.5, failureMode: 'http500' });
    expect([1, 2, 3, 4].map(() => control.draw('anxin'))).toEqual(['http500', 'none', 'http500', 'none']);
    expect(control.draw('kangning')).toBe('none');
  });
});

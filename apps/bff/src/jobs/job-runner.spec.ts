import { InProcessJobRunner } from './in-process.job-runner.js';
import { UnknownJobError, backoffDelay, msUntilNextDaily } from './job-runner.js';

describe('job schedule', () => {
  const at = (iso: string): number => Date.parse(iso);

  it('waits until the next daily time, China time, strictly after now', () => {
    // 2026-12-01 00:30 UTC is 08:30 in China: 09:00 is 30 minutes away.
    expect(msUntilNextDaily(at('2026-12-01T00:30:00Z'), 9 * 60)).toBe(30 * 60_000);
    // Exactly 09:00 China: the next run is tomorrow's.
    expect(msUntilNextDaily(at('2026-12-01T01:00:00Z'), 9 * 60)).toBe(86_400_000);
    // 23:00 UTC is 07:00 the next day in China.
    expect(msUntilNextDaily(at('2026-12-01T23:00:00Z'), 9 * 60)).toBe(2 * 3_600_000);
  });

  it('doubles the backoff after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(100, attempt))).toEqual([100, 200, 400, 800]);
  });
});

describe('InProcessJobRunner', () => {
  const clock = { now: () => Date.parse('2026-12-01T00:00:00Z') };
  const settings = { dailyAtMinute: 9 * 60, attempts: 3, backoffMs: 1 };

  it('retries a failing job and reports the attempt that succeeded', async () => {
    let calls = 0;
    const job = {
      name: 'flaky',
      run: async () => {
        calls += 1;
        if (calls < 2) throw new Error('not now');
        return { done: true };
      },
    };
    const runner = new InProcessJobRunner(new Map([['flaky', job]]), settings, clock);
    expect(await runner.runNow('flaky')).toEqual({
      name: 'flaky',
      state: 'completed',
      attemptsMade: 2,
      result: { done: true },
      error: null,
    });
    expect(await runner.failedJobs()).toEqual([]);
  });

  it('keeps a job that failed every attempt in the dead-letter view', async () => {
    const job = { name: 'broken', run: () => Promise.reject(new Error('always')) };
    const runner = new InProcessJobRunner(new Map([['broken', job]]), settings, clock);
    expect(await runner.runNow('broken')).toMatchObject({ state: 'failed', attemptsMade: 3, error: 'always' });
    expect(await runner.failedJobs()).toEqual([
      {
        id: expect.any(String),
        name: 'broken',
        attemptsMade: 3,
        error: 'always',
        failedAt: '2026-12-01T00:00:00.000Z',
      },
    ]);
  });

  it('refuses an unknown job', async () => {
    const runner = new InProcessJobRunner(new Map(), settings, clock);
    await expect(runner.runNow('nothing')).rejects.toBeInstanceOf(UnknownJobError);
  });
});

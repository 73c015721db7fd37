import { randomBytes } from 'node:crypto';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './rate-limiter.js';

const limiters: [string, () => Promise<RateLimiter>][] = [['memory', async () => new MemoryRateLimiter()]];
if (process.env.REDIS_URL) {
  const url = process.env.REDIS_URL;
  limiters.push(['redis', () => RedisRateLimiter.connect(url, `test:${randomBytes(4).toString('hex')}:`)]);
}

describe.each(limiters)('%s rate limiter', (_name, make) => {
  let limiter: RateLimiter;
  beforeEach(async () => {
    limiter = await make();
  });
  afterEach(() => limiter.close());

  it('allows the limit per window, refuses the next with a retry delay, and counts keys apart', async () => {
    for (let i = 0; i < 3; i++) expect((await limiter.hit('ip:1', 3, 1000)).allowed).toBe(true);
    const refused = await limiter.hit('ip:1', 3, 1000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1000);
    expect((await limiter.hit('ip:2', 3, 1000)).allowed).toBe(true);
  });

  it('peeks at a count without adding to it, and forgets it with its window', async () => {
    expect(await limiter.peek('miss:1')).toEqual({ count: 0, retryAfterMs: 0 });
    await limiter.hit('miss:1', 5, 1000);
    await limiter.hit('miss:1', 5, 1000);
    const seen = await limiter.peek('miss:1');
    expect(seen.count).toBe(2);
    expect(seen.retryAfterMs).toBeGreaterThan(0);
    expect(seen.retryAfterMs).toBeLessThanOrEqual(1000);
    expect((await limiter.peek('miss:1')).count).toBe(2);
    await limiter.hit('miss:2', 1, 50);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await limiter.peek('miss:2')).count).toBe(0);
  });

  it('opens a new window once the old one has passed', async () => {
    await limiter.hit('k', 1, 50);
    expect((await limiter.hit('k', 1, 50)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await limiter.hit('k', 1, 50)).allowed).toBe(true);
  });
});

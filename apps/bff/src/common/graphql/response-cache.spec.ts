import { ResponseCache, etagOf, isPublicQuery, matchesIfNoneMatch } from './response-cache.js';

describe('the response cache', () => {
  it('takes only queries whose every root field is public', () => {
    expect(isPublicQuery('query P($n: Int!) { products(first: $n) { totalCount } insurers { errors { code } } }')).toBe(
      true,
    );
    expect(isPublicQuery('query I($c: String!) { invite(code: $c) { kind } }')).toBe(false);
    expect(isPublicQuery('query M { me { id } products(first: 1) { totalCount } }')).toBe(false);
    expect(isPublicQuery('mutation Q { logout }')).toBe(false);
    expect(isPublicQuery('query P { ...Root } fragment Root on Query { products(first: 1) { totalCount } }')).toBe(
      false,
    );
    expect(isPublicQuery('query P { products(first: 1) @include(if: true) { totalCount } }')).toBe(false);
  });

  it('serves an answer until it is too old, and drops every answer when the version changes', async () => {
    let version = 'v1';
    let now = 1000;
    const cache = new ResponseCache({ version: async () => version, ttlMs: 5000, maxEntries: 10, now: () => now });
    const key = await cache.keyOf(['hash', '{}']);
    const stored = cache.set(key, Buffer.from('{"data":1}'));
    expect(stored.etag).toBe(etagOf('{"data":1}'));
    expect(cache.get(key)?.body.toString()).toBe('{"data":1}');
    now += 5000;
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, Buffer.from('{"data":2}'));
    version = 'v2';
    const newKey = await cache.keyOf(['hash', '{}']);
    expect(newKey).not.toBe(key);
    expect(cache.size).toBe(0);
    // An answer executed under the old version is not kept under it.
    cache.set(key, Buffer.from('{"data":3}'));
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new ResponseCache({ version: async () => 'v', ttlMs: 5000, maxEntries: 2 });
    const keys = await Promise.all(['a', 'b', 'c'].map((part) => cache.keyOf([part])));
    for (const key of keys) cache.set(key, Buffer.from(key));
    expect(cache.size).toBe(2);
    expect(cache.get(keys[0] ?? '')).toBeUndefined();
    expect(cache.get(keys[2] ?? '')).toBeDefined();
  });

  it('reads If-None-Match as a list, weak or strong, or *', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  MIN_COMPRESSIBLE_BYTES,
  ResponseCache,
  etagOf,
  isPublicQuery,
  matchesIfNoneMatch,
  negotiateContentCoding,
  representationOf,
} from './response-cache.js';

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

  it('keeps at most maxBytes, counting compressed forms made later, dropping the oldest', async () => {
    const cache = new ResponseCache({ version: async () => 'v', ttlMs: 5000, maxEntries: 100, maxBytes: 15_000 });
    const keys = await Promise.all(['a', 'b', 'c', 'd'].map((part) => cache.keyOf([part])));
    const body = (seed: string): Buffer => Buffer.from(JSON.stringify({ data: seed.repeat(4000) }));
    keys.slice(0, 3).forEach((key, i) => cache.set(key, body(String(i))));
    // Three answers of about 4.5 KB each fit.
    expect(cache.size).toBe(3);
    expect(cache.byteSize).toBeLessThanOrEqual(15_000);
    const entry = cache.get(keys[0] ?? '');
    expect(entry).toBeDefined();
    if (!entry) return;
    const before = entry.size;
    representationOf(entry, 'br');
    expect(entry.size).toBeGreaterThan(before);
    cache.grew(keys[0] ?? '', entry, before);
    cache.set(keys[3] ?? '', body('d'));
    expect(cache.size).toBe(3);
    expect(cache.byteSize).toBeLessThanOrEqual(15_000);
    expect(cache.get(keys[0] ?? '')).toBeUndefined();
    // An answer larger than half the bound is sent, not kept.
    cache.set(keys[0] ?? '', Buffer.alloc(8_000, 'x'));
    expect(cache.get(keys[0] ?? '')).toBeUndefined();
  });

  it('makes each compressed form once, decompressing to the answer, and leaves small answers alone', async () => {
    const cache = new ResponseCache({ version: async () => 'v', ttlMs: 5000, maxEntries: 10 });
    const key = await cache.keyOf(['k']);
    const body = Buffer.from(JSON.stringify({ data: { items: Array.from({ length: 200 }, (_, i) => ({ i })) } }));
    const entry = cache.set(key, body);
    const br = representationOf(entry, 'br');
    expect(br.coding).toBe('br');
    expect(brotliDecompressSync(br.body).equals(body)).toBe(true);
    expect(representationOf(entry, 'br')).toBe(br);
    const gzip = representationOf(entry, 'gzip');
    expect(gunzipSync(gzip.body).equals(body)).toBe(true);
    expect(new Set([entry.etag, br.etag, gzip.etag]).size).toBe(3);
    const small = cache.set(await cache.keyOf(['s']), Buffer.alloc(MIN_COMPRESSIBLE_BYTES - 1, 'a'));
    expect(representationOf(small, 'br').coding).toBe('identity');
  });

  it('reads Accept-Encoding: br first, then gzip, q=0 refuses, * stands for the rest', () => {
    expect(negotiateContentCoding(undefined)).toBe('identity');
    expect(negotiateContentCoding('gzip, deflate, br')).toBe('br');
    expect(negotiateContentCoding('gzip')).toBe('gzip');
    expect(negotiateContentCoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateContentCoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(negotiateContentCoding('*')).toBe('br');
    expect(negotiateContentCoding('identity')).toBe('identity');
    expect(negotiateContentCoding('deflate')).toBe('identity');
  });
});

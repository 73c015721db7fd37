import { decodeCursor, encodeCursor } from './pagination.js';

describe('cursors', () => {
  it.each(['000000012850|kangning:KN-MED-01', '医疗|安信', '', 'emoji 🙂 key'])('round-trips %p', (key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeCursor(cursor)).toBe(key);
  });

  it('matches Node base64url for ASCII and Chinese text', () => {
    for (const key of ['abc', 'ab', 'a', '保险超市']) {
      expect(encodeCursor(key)).toBe(Buffer.from(`p:${key}`).toString('base64url'));
    }
  });

  it.each([
    'not base64!',
    'A',
    Buffer.from('x:foreign').toString('base64url'),
    Buffer.from([0xff, 0xfe]).toString('base64url'),
  ])('rejects %p', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

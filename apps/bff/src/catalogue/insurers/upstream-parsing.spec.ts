import {
  SHARED_TEXTS_LIMIT,
  ownText,
  sharedString,
  sharedStringList,
  sharedText,
  sharedTextCount,
} from './upstream-parsing.js';

describe('texts kept from upstream answers', () => {
  it('ownText and sharedText give back exactly the text they are given, lone surrogates included', () => {
    for (const value of ['', 'basic', '被保险人是否曾患有以下疾病：恶性肿瘤', 'a\ud800b', '\u0000"\\\n😀']) {
      expect(ownText(value)).toBe(value);
      expect(sharedText(value)).toBe(value);
      expect(sharedText(value)).toBe(value);
    }
  });

  it('sharedString and sharedStringList read as nonEmptyString and stringList do', () => {
    expect(sharedString('  意外身故  ')).toBe('意外身故');
    expect(sharedString('   ')).toBeNull();
    expect(sharedString(3)).toBeNull();
    expect(sharedStringList([' a ', 'b'])).toEqual(['a', 'b']);
    expect(sharedStringList(['a', ''])).toBeNull();
    expect(sharedStringList('a')).toBeNull();
  });

  it('keeps one copy of a repeated text, and never more than SHARED_TEXTS_LIMIT texts', () => {
    sharedText('repeated text');
    const before = sharedTextCount();
    sharedText('repeated text');
    expect(sharedTextCount()).toBe(before);
    for (let i = 0; i < SHARED_TEXTS_LIMIT + 10; i++) sharedText(`text ${i}`);
    expect(sharedTextCount()).toBeLessThanOrEqual(SHARED_TEXTS_LIMIT);
    expect(sharedText('text 3')).toBe('text 3');
  });
});

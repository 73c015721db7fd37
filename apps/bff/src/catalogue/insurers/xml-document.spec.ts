import { readXmlDocument } from './xml-document.js';

const LISTS = new Set(['item']);

describe('readXmlDocument', () => {
  it('reads text-only elements as their trimmed text and others as objects of attributes, children and #text', () => {
    const document = readXmlDocument(
      `<?xml version="1.0" encoding="UTF-8"?>
       <!-- a comment -->
       <root id="r1">
         <name>  安信  </name>
         <empty/>
         <blank>   </blank>
         <rate unit="%">0.04</rate>
         <terms minAge="18" maxAge="65"/>
         <once><inner>x</inner></once>
       </root>`,
      LISTS,
    );
    expect(document.root).toEqual({
      '@id': 'r1',
      name: '安信',
      empty: '',
      blank: '',
      rate: { '@unit': '%', '#text': '0.04' },
      terms: { '@minAge': '18', '@maxAge': '65' },
      once: { inner: 'x' },
    });
  });

  it('makes listed elements arrays however many there are, and a repeated other element an array', () => {
    const document = readXmlDocument(
      '<root><one><item>a</item></one><none></none><many><item>a</item><item k="v"/></many><twice>1</twice><twice>2</twice></root>',
      LISTS,
    );
    expect(document.root).toEqual({
      one: { item: ['a'] },
      none: '',
      many: { item: ['a', { '@k': 'v' }] },
      twice: ['1', '2'],
    });
  });

  it("expands XML's own entities and character references, in text and attributes, and keeps CDATA as text", () => {
    const document = readXmlDocument(
      '<root note="&quot;a&quot; &amp; b"><t>安信 &amp; 好保障 &#x4E2D;&#25991;</t><c><![CDATA[<not a tag> & more]]></c></root>',
      LISTS,
    );
    expect(document.root).toEqual({ '@note': '"a" & b', t: '安信 & 好保障 中文', c: '<not a tag> & more' });
  });

  it('keeps element and attribute names off Object.prototype', () => {
    const document = readXmlDocument(
      '<root __proto__="a"><__proto__><polluted>yes</polluted></__proto__></root>',
      LISTS,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const root = document.root as Record<string, unknown>;
    expect(root['@__proto__']).toBe('a');
    expect(root['__proto__']).toEqual({ polluted: 'yes' });
  });

  it.each([
    ['truncated', '<root><item>a</item><item>b'],
    ['unbalanced', '<root><a></b></root>'],
    ['two roots', '<root/><root/>'],
    ['text after the root', '<root/>text'],
    ['no root', '   '],
    ['an attribute twice', '<root a="1" a="2"/>'],
    ['an undeclared entity', '<root>&nbsp;</root>'],
    ['an entity declared in the DOCTYPE', '<!DOCTYPE root [<!ENTITY e "expanded">]><root>&e;</root>'],
    ['an external entity', '<!DOCTYPE root [<!ENTITY e SYSTEM "file:///etc/passwd">]><root>&e;</root>'],
  ])('throws on a body that is not well-formed XML: %s', (_name, body) => {
    expect(() => readXmlDocument(body, LISTS)).toThrow();
  });
});

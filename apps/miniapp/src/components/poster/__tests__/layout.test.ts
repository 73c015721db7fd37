import {
  layoutPoster,
  POSTER_COLORS,
  posterAlt,
  wrapText,
  type DrawOp,
  type Measure,
  type PosterFont,
  type PosterInput,
} from '../layout';

/** A font's width per character: a full em for CJK and full-width marks, 0.55 em otherwise. */
const measure: Measure = (text, font) =>
  [...text].reduce((sum, char) => sum + (/[\u2e80-\uffef]/.test(char) ? font.size : font.size * 0.55), 0);

const font: PosterFont = { size: 10, weight: 'normal' };

function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('wrapText', () => {
  it('breaks Chinese text at any character, filling each line', () => {
    expect(wrapText('百万医疗险保障全家人', 40, font, measure)).toEqual(['百万医疗', '险保障全', '家人']);
  });

  it('keeps Latin words and numbers whole and drops spaces at line ends', () => {
    // 60 wide: 保额 (20) + space + 2000000 (38.5) does not fit; "family plan" (60.5) does not either.
    expect(wrapText('保额 2000000 元 family plan', 60, font, measure)).toEqual([
      '保额',
      '2000000 元',
      'family',
      'plan',
    ]);
  });

  it('breaks a word longer than the line', () => {
    const lines = wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 30, font, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(30);
  });

  it('never starts a line with closing punctuation', () => {
    // 4 characters fit; the comma would start line 2, so 障 moves down with it.
    expect(wrapText('家庭保障，一目了然。', 40, font, measure)).toEqual(['家庭保', '障，一目', '了然。']);
  });

  it('starts a new line at \\n', () => {
    expect(wrapText('第一行\n第二行', 100, font, measure)).toEqual(['第一行', '第二行']);
  });

  it('ends the last allowed line with an ellipsis', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五六', 40, font, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(40);
  });

  it('never exceeds the width, whatever the text', () => {
    const texts = [
      '这是一款适合全家投保的百万医疗保险，保证续保20年，0免赔额，覆盖住院、门诊手术和特殊门诊。',
      'Family plan: covers 4 people, 200万 per year; deductible ¥10,000 (waived for cancer).',
      '。。。。，，，，！！！',
      '',
    ];
    for (const width of [37, 55, 80, 123, 300]) {
      for (const text of texts) {
        for (const line of wrapText(text, width, font, measure, 5)) {
          expect({ width, line, ok: measure(line, font) <= width }).toEqual({ width, line, ok: true });
        }
      }
    }
  });
});

describe('layoutPoster', () => {
  const input: PosterInput = {
    kind: 'FAMILY_JOIN',
    title: '王小明邀请你加入“王家”，一起管理全家的保单和保障缺口',
    lines: ['已有 4 位家人、7 份保单', '加入后可查看家庭保障总览，及时收到续费提醒', '  '],
    footer: '邀请 7 天内有效，仅限受邀家人使用',
    codeImageUrl: 'https://api.example.com/invites/abc123/code.png',
    width: 300,
  };

  const texts = (ops: DrawOp[]) => ops.filter((op): op is Extract<DrawOp, { type: 'text' }> => op.type === 'text');

  it('draws the background first, over the whole poster', () => {
    const layout = layoutPoster(input, measure);
    expect(layout.ops[0]).toEqual({
      type: 'rect',
      x: 0,
      y: 0,
      width: 300,
      height: layout.height,
      color: POSTER_COLORS.background,
    });
    expect(layout.height).toBeGreaterThan(300);
  });

  it('keeps every text line within its width and inside the poster', () => {
    for (const width of [240, 300, 375, 750]) {
      const layout = layoutPoster({ ...input, width }, measure);
      for (const op of texts(layout.ops)) {
        expect(measure(op.text, op.font)).toBeLessThanOrEqual(op.maxWidth);
        expect(op.x + op.maxWidth).toBeLessThanOrEqual(width);
        expect(op.x).toBeGreaterThanOrEqual(0);
        expect(op.y + op.font.size).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it('wraps the title and lines (with their ellipsis) in order', () => {
    const layout = layoutPoster(input, measure);
    const lines = texts(layout.ops).map((op) => op.text);
    expect(lines[0]).toBe('家保 · 家庭邀请');
    expect(lines.join('')).toContain('王小明邀请你加入');
    expect(lines.join('')).toContain('已有 4 位家人、7 份保单');
    const ys = texts(layout.ops)
      .filter((op) => op.color !== POSTER_COLORS.footer)
      .map((op) => op.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('places the code image in its box at the bottom right, clear of the footer', () => {
    const layout = layoutPoster(input, measure);
    const image = layout.ops.find((op) => op.type === 'image');
    expect(image).toEqual({ type: 'image', url: input.codeImageUrl, ...layout.codeBox });
    const { x, y, width, height } = layout.codeBox;
    expect(width).toBe(height);
    expect(x + width).toBeLessThanOrEqual(300);
    expect(y + height).toBeLessThanOrEqual(layout.height);
    expect(x).toBeGreaterThan(150);
    const footer = texts(layout.ops).filter((op) => op.color === POSTER_COLORS.footer && op.y >= y - 1 && op.x < x);
    expect(footer.length).toBeGreaterThan(0);
    for (const op of footer) expect(op.x + measure(op.text, op.font)).toBeLessThan(x);
  });

  it('colours the band by kind', () => {
    const band = (kind: PosterInput['kind']) => layoutPoster({ ...input, kind }, measure).ops[1];
    expect(band('PRODUCT')).toMatchObject({ type: 'rect', color: POSTER_COLORS.band.PRODUCT });
    expect(band('FAMILY_JOIN')).toMatchObject({ type: 'rect', color: POSTER_COLORS.band.FAMILY_JOIN });
  });

  it('reads at 4.5:1 (WCAG AA) for every text on what it is drawn on', () => {
    for (const kind of ['PRODUCT', 'FAMILY_JOIN'] as const) {
      const layout = layoutPoster({ ...input, kind }, measure);
      const rects = layout.ops.filter((op): op is Extract<DrawOp, { type: 'rect' }> => op.type === 'rect');
      for (const text of texts(layout.ops)) {
        // The topmost rectangle under the text's top-left corner is its background.
        const under = rects.filter(
          (r) => text.x >= r.x && text.x < r.x + r.width && text.y >= r.y && text.y < r.y + r.height,
        );
        const background = under[under.length - 1].color;
        expect({ text: text.text, ratio: contrast(text.color, background) >= 4.5 }).toEqual({
          text: text.text,
          ratio: true,
        });
      }
    }
  });

  it('describes the poster in words', () => {
    expect(posterAlt(input)).toBe(
      '家庭邀请海报：王小明邀请你加入“王家”，一起管理全家的保单和保障缺口；已有 4 位家人、7 份保单；加入后可查看家庭保障总览，及时收到续费提醒；邀请 7 天内有效，仅限受邀家人使用。含小程序码，长按或扫码查看',
    );
  });
});

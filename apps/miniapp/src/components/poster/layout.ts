/**
 * The poster's layout: a pure function from the content to a list of draw operations, so it is
 * tested without a canvas and drawn the same way by every platform (`paint.ts`). Lengths are in
 * CSS px of the poster's width; the surface scales them to device pixels.
 *
 * Colours meet WCAG AA (4.5:1) on what they are drawn on (checked in __tests__/layout.test.ts):
 * white on the band (#0e5fd8 5.8:1, #00754a 5.8:1), the title #1f2329, the lines #4e5969 and the
 * footer and hint #646a73 on white.
 */

export type PosterKind = 'PRODUCT' | 'FAMILY_JOIN';

export interface PosterInput {
  kind: PosterKind;
  title: string;
  lines: string[];
  footer: string;
  /** The mini-program code or QR code leading to the invite (its `code` in the path). */
  codeImageUrl: string;
  /** Poster width in CSS px. */
  width: number;
}

export interface PosterFont {
  size: number;
  weight: 'normal' | 'bold';
}

/** Width of a text in the font, in the same unit as `width` (the canvas' `measureText`). */
export type Measure = (text: string, font: PosterFont) => number;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type DrawOp =
  | ({ type: 'rect'; color: string; stroke?: string } & Box)
  /** One line of text; `y` is the top of its glyphs (`textBaseline = 'top'`); it fits `maxWidth`. */
  | { type: 'text'; x: number; y: number; text: string; font: PosterFont; color: string; maxWidth: number }
  | ({ type: 'image'; url: string } & Box);

export interface PosterLayout {
  width: number;
  height: number;
  ops: DrawOp[];
  /** Where the code image goes (inside its white, bordered box). */
  codeBox: Box;
}

export const POSTER_COLORS = {
  background: '#ffffff',
  band: { PRODUCT: '#0e5fd8', FAMILY_JOIN: '#00754a' } as Record<PosterKind, string>,
  bandText: '#ffffff',
  title: '#1f2329',
  line: '#4e5969',
  footer: '#646a73',
  divider: '#e5e6eb',
  codeBorder: '#e5e6eb',
} as const;

export const POSTER_BAND_LABELS: Record<PosterKind, string> = {
  PRODUCT: '家保 · 保险推荐',
  FAMILY_JOIN: '家保 · 家庭邀请',
};

export const POSTER_CODE_HINT = '长按或扫码查看';

const ELLIPSIS = '…';

/** Characters that must not start a line (避头点): they stay with the character before them. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕…—,.;:?!)]}%、·']);

/** Latin words and numbers stay whole; each CJK character, space run or mark is its own token. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,%'’/@#&+_-]*|\s+|[\s\S]/gu;

function chars(text: string): string[] {
  return [...text];
}

/**
 * Breaks a text into lines no wider than `maxWidth` (Chinese at any character, Latin words kept
 * whole unless longer than a line, no line starting with closing punctuation), `\n` starting a new
 * line; beyond `maxLines` the last line ends with `…`. A single character wider than the line
 * (never with the poster's sizes) is put alone on its line.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  font: PosterFont,
  measure: Measure,
  maxLines: number = Number.POSITIVE_INFINITY,
): string[] {
  const fits = (candidate: string): boolean => measure(candidate, font) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    const push = (): void => {
      const line = current.trimEnd();
      if (line !== '') lines.push(line);
      current = '';
    };
    for (const token of paragraph.match(TOKEN) ?? []) {
      const blank = /^\s+$/.test(token);
      if (blank && current === '') continue;
      if (fits(current + token)) {
        current += token;
        continue;
      }
      if (blank) {
        push();
        continue;
      }
      if (NO_LINE_START.has(token) && chars(current).length > 1) {
        const kept = chars(current);
        const carried = kept.pop() ?? '';
        if (fits(carried + token)) {
          current = kept.join('');
          push();
          current = carried + token;
          continue;
        }
      }
      push();
      if (fits(token)) {
        current = token;
        continue;
      }
      for (const char of chars(token)) {
        if (current !== '' && !fits(current + char)) push();
        current += char;
      }
    }
    push();
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = chars(kept[maxLines - 1]);
  while (last.length > 0 && !fits(last.join('').trimEnd() + ELLIPSIS)) last = last.slice(0, -1);
  kept[maxLines - 1] = last.join('').trimEnd() + ELLIPSIS;
  return kept;
}

/** The poster described in words: the image's alt text / aria-label. */
export function posterAlt({
  kind,
  title,
  lines,
  footer,
}: Pick<PosterInput, 'kind' | 'title' | 'lines' | 'footer'>): string {
  const kindText = kind === 'PRODUCT' ? '保险产品分享海报' : '家庭邀请海报';
  const parts = [title, ...lines, footer].map((part) => part.trim()).filter((part) => part !== '');
  return `${kindText}：${parts.join('；')}。含小程序码，${POSTER_CODE_HINT}`;
}

/** The draw operations of a poster, top to bottom; the height follows from the content. */
export function layoutPoster(input: PosterInput, measure: Measure): PosterLayout {
  const width = input.width;
  const unit = (ratio: number): number => Math.round(width * ratio);
  const padding = unit(0.064);
  const contentWidth = width - 2 * padding;
  const ops: DrawOp[] = [];

  const textBlock = (
    lines: string[],
    x: number,
    top: number,
    font: PosterFont,
    lineHeight: number,
    color: string,
    maxWidth: number,
  ): number => {
    lines.forEach((text, index) => {
      const y = top + index * lineHeight + Math.round((lineHeight - font.size) / 2);
      ops.push({ type: 'text', x, y, text, font, color, maxWidth });
    });
    return top + lines.length * lineHeight;
  };

  // Band with the kind of poster.
  const bandHeight = unit(0.16);
  const bandFont: PosterFont = { size: unit(0.04), weight: 'bold' };
  ops.push({ type: 'rect', x: 0, y: 0, width, height: bandHeight, color: POSTER_COLORS.band[input.kind] });
  const bandLabel = wrapText(POSTER_BAND_LABELS[input.kind], contentWidth, bandFont, measure, 1);
  textBlock(
    bandLabel,
    padding,
    Math.round((bandHeight - bandFont.size * 1.4) / 2),
    bandFont,
    Math.round(bandFont.size * 1.4),
    POSTER_COLORS.bandText,
    contentWidth,
  );

  // Title and lines.
  let y = bandHeight + padding;
  const titleFont: PosterFont = { size: unit(0.058), weight: 'bold' };
  const titleLines = wrapText(input.title, contentWidth, titleFont, measure, 3);
  y = textBlock(titleLines, padding, y, titleFont, Math.round(titleFont.size * 1.4), POSTER_COLORS.title, contentWidth);

  const lineFont: PosterFont = { size: unit(0.04), weight: 'normal' };
  const lineHeight = Math.round(lineFont.size * 1.5);
  const paragraphs = input.lines.map((line) => line.trim()).filter((line) => line !== '');
  if (paragraphs.length > 0) y += unit(0.03);
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) y += unit(0.016);
    y = textBlock(
      wrapText(paragraph, contentWidth, lineFont, measure, 2),
      padding,
      y,
      lineFont,
      lineHeight,
      POSTER_COLORS.line,
      contentWidth,
    );
  });

  // Divider.
  y += Math.round(padding * 0.75);
  ops.push({
    type: 'rect',
    x: padding,
    y,
    width: contentWidth,
    height: Math.max(1, unit(0.002)),
    color: POSTER_COLORS.divider,
  });
  y += Math.round(padding * 0.75);

  // Code box at the bottom right, its hint below; the footer beside it.
  const codeSize = unit(0.28);
  const codeX = width - padding - codeSize;
  const inset = Math.round(codeSize * 0.06);
  ops.push({
    type: 'rect',
    x: codeX,
    y,
    width: codeSize,
    height: codeSize,
    color: POSTER_COLORS.background,
    stroke: POSTER_COLORS.codeBorder,
  });
  const codeBox: Box = { x: codeX + inset, y: y + inset, width: codeSize - 2 * inset, height: codeSize - 2 * inset };
  ops.push({ type: 'image', url: input.codeImageUrl, ...codeBox });

  const hintFont: PosterFont = { size: unit(0.03), weight: 'normal' };
  const hintLineHeight = Math.round(hintFont.size * 1.5);
  const [hint = ''] = wrapText(POSTER_CODE_HINT, codeSize, hintFont, measure, 1);
  const hintTop = y + codeSize + unit(0.016);
  const hintX = codeX + Math.max(0, Math.round((codeSize - measure(hint, hintFont)) / 2));
  textBlock([hint], hintX, hintTop, hintFont, hintLineHeight, POSTER_COLORS.footer, codeSize);
  const codeBottom = hintTop + hintLineHeight;

  const footerFont: PosterFont = { size: unit(0.037), weight: 'normal' };
  const footerWidth = codeX - padding - Math.round(padding * 0.5);
  const footerLines = wrapText(input.footer, footerWidth, footerFont, measure, 4);
  const footerBottom = textBlock(
    footerLines,
    padding,
    y,
    footerFont,
    Math.round(footerFont.size * 1.5),
    POSTER_COLORS.footer,
    footerWidth,
  );

  const height = Math.max(codeBottom, footerBottom) + padding;
  ops.unshift({ type: 'rect', x: 0, y: 0, width, height, color: POSTER_COLORS.background });
  return { width, height, ops, codeBox };
}

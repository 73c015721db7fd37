import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * WCAG AA contrast of the app's colours, computed rather than judged by eye: the theme's text colours
 * on the backgrounds they are used on, white on the accent (the primary button), the tab bar's labels,
 * and every colour written as a literal in a stylesheet.
 */

const SRC = join(__dirname, '..', '..');
const AA_TEXT = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(full.slice(i, i + 2), 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function themeColours(): Record<string, string> {
  const source = readFileSync(join(SRC, 'styles', '_theme.scss'), 'utf8');
  const colours: Record<string, string> = {};
  for (const match of source.matchAll(/^\$([\w-]+):\s*(#[0-9a-fA-F]{3,6});/gm)) colours[match[1]] = match[2];
  return colours;
}

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return stylesheets(path);
    return entry.endsWith('.scss') ? [path] : [];
  });
}

describe('theme contrast (WCAG AA)', () => {
  const theme = themeColours();
  const white = '#ffffff';

  it('knows the colour computation', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    // Taro's green primary and the colours the review found failing.
    expect(contrast('#fff', '#1aad19')).toBeLessThan(AA_TEXT);
    expect(contrast('#86909c', '#fff')).toBeLessThan(AA_TEXT);
    expect(contrast('#f53f3f', '#fff')).toBeLessThan(AA_TEXT);
    expect(contrast('#1677ff', '#fff')).toBeLessThan(AA_TEXT);
  });

  it.each([
    ['text', ['page', 'divider', 'accent-tint', 'error-tint', 'success-tint', 'warning-tint']],
    ['text-secondary', ['page', 'divider', 'accent-tint', 'warning-tint']],
    ['text-tertiary', ['page', 'divider']],
    ['accent', ['page', 'accent-tint']],
    ['error', ['page', 'error-tint']],
    ['success', ['page', 'success-tint']],
    ['warning', ['page', 'warning-tint']],
  ])('$%s reads at 4.5:1 on white and its backgrounds', (text, backgrounds) => {
    expect(theme[text]).toBeDefined();
    expect(contrast(theme[text], white)).toBeGreaterThanOrEqual(AA_TEXT);
    for (const background of backgrounds) {
      expect({ text, background, ok: contrast(theme[text], theme[background]) >= AA_TEXT }).toEqual({
        text,
        background,
        ok: true,
      });
    }
  });

  it('white on the accent (the primary button) reads at 4.5:1', () => {
    expect(contrast(white, theme.accent)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('the tab bar labels read at 4.5:1 on the white bar', () => {
    const config = readFileSync(join(SRC, 'app.config.ts'), 'utf8');
    const colour = /\bcolor:\s*'(#[0-9a-fA-F]{6})'/.exec(config)?.[1];
    const selected = /\bselectedColor:\s*'(#[0-9a-fA-F]{6})'/.exec(config)?.[1];
    expect(colour && selected).toBeTruthy();
    expect(contrast(colour!, white)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(selected!, white)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('every text colour written as a literal in a stylesheet reads at 4.5:1 on white', () => {
    const failing: string[] = [];
    for (const file of stylesheets(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        const match = /(?:^|[\s;{])color:\s*(#[0-9a-fA-F]{3,6})\b/.exec(line);
        if (!match) return;
        const hex = match[1].toLowerCase();
        // White text sits on a dark fill, checked with the theme above.
        if (hex === '#fff' || hex === '#ffffff') return;
        if (contrast(hex, white) < AA_TEXT) failing.push(`${file.slice(SRC.length + 1)}:${index + 1} ${hex}`);
      });
    }
    expect(failing).toEqual([]);
  });
});

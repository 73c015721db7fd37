/**
 * The five-dimension score (C4) as a radar chart, drawn as an SVG and shown through `<Image>` as a
 * `data:` URI: no canvas and no chart library, so it renders the same on weapp, alipay and h5.
 *
 * The SVG holds shapes only. Labels are returned as positions (percent of the square) for the page
 * to lay out as text: SVG text inside an image depends on the platform's fonts, and labels laid out
 * by the page can be tapped to explain that dimension.
 */

export interface RadarAxis {
  /** Stable key, e.g. the dimension (VALUE, ELIGIBILITY…). */
  key: string;
  label: string;
  /** 0–100; values outside are clamped. */
  score: number;
}

export interface RadarLabel extends RadarAxis {
  /** Centre of the label, in percent of the chart's width and height. */
  xPercent: number;
  yPercent: number;
}

export interface RadarOptions {
  /** Number of grid rings (default 4: 25, 50, 75, 100). */
  rings?: number;
  gridColor?: string;
  fillColor?: string;
  strokeColor?: string;
}

export interface Radar {
  svg: string;
  labels: RadarLabel[];
}

/** The SVG's coordinate system: a square of VIEW_SIZE, the chart of RADIUS around the centre. */
const VIEW_SIZE = 200;
const CENTER = VIEW_SIZE / 2;
const RADIUS = 62;
/** Labels sit outside the outer ring. */
const LABEL_RADIUS = 86;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, score));
}

/** The point of axis `index` of `count` at `radius`; axis 0 points up, the others follow clockwise. */
export function radarPoint(index: number, count: number, radius: number): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return { x: round(CENTER + radius * Math.cos(angle)), y: round(CENTER + radius * Math.sin(angle)) };
}

function polygon(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Builds the chart for 3 or more axes. Fewer axes cannot make a polygon: the SVG is then empty. */
export function buildRadar(axes: readonly RadarAxis[], options: RadarOptions = {}): Radar {
  const rings = options.rings ?? 4;
  const gridColor = escapeAttribute(options.gridColor ?? '#dfe3e8');
  const fillColor = escapeAttribute(options.fillColor ?? 'rgba(22,119,255,0.25)');
  const strokeColor = escapeAttribute(options.strokeColor ?? '#1677ff');
  const count = axes.length;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW_SIZE} ${VIEW_SIZE}" width="${VIEW_SIZE}" height="${VIEW_SIZE}">`;
  if (count < 3) return { svg: `${open}</svg>`, labels: [] };

  const parts: string[] = [open];
  for (let ring = 1; ring <= rings; ring++) {
    const radius = (RADIUS * ring) / rings;
    const points = axes.map((_, index) => radarPoint(index, count, radius));
    parts.push(`<polygon points="${polygon(points)}" fill="none" stroke="${gridColor}" stroke-width="1"/>`);
  }
  axes.forEach((_, index) => {
    const end = radarPoint(index, count, RADIUS);
    parts.push(
      `<line x1="${CENTER}" y1="${CENTER}" x2="${end.x}" y2="${end.y}" stroke="${gridColor}" stroke-width="1"/>`,
    );
  });
  const values = axes.map((axis, index) => radarPoint(index, count, (RADIUS * clampScore(axis.score)) / 100));
  parts.push(
    `<polygon points="${polygon(values)}" fill="${fillColor}" stroke="${strokeColor}" stroke-width="2" stroke-linejoin="round"/>`,
  );
  for (const point of values) {
    parts.push(`<circle cx="${point.x}" cy="${point.y}" r="3" fill="${strokeColor}"/>`);
  }
  parts.push('</svg>');

  const labels = axes.map((axis, index): RadarLabel => {
    const point = radarPoint(index, count, LABEL_RADIUS);
    return {
      ...axis,
      xPercent: round((point.x / VIEW_SIZE) * 100),
      yPercent: round((point.y / VIEW_SIZE) * 100),
    };
  });
  return { svg: parts.join(''), labels };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string (mini-programs have no TextEncoder everywhere). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return bytes;
}

/** Base64 of a string's UTF-8 bytes (mini-programs have no `btoa`). */
export function base64Utf8(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] ?? 0, bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64_ALPHABET[(triple >> 18) & 63];
    out += BASE64_ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? '=' : BASE64_ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? '=' : BASE64_ALPHABET[triple & 63];
  }
  return out;
}

/** A `data:` URI for `<Image src>`. Base64, because WeChat's image loader does not take URL-encoded SVG. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}

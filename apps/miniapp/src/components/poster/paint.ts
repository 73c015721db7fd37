import type { PosterFont, PosterLayout } from './layout';

/** The part of a 2D context the poster uses (a mini-program canvas node's or the browser's). */
export interface PosterContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: never, x: number, y: number, width: number, height: number): void;
  scale(x: number, y: number): void;
}

export const POSTER_FONT_FAMILY = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

export function cssFont({ size, weight }: PosterFont): string {
  return `${weight} ${size}px ${POSTER_FONT_FAMILY}`;
}

/** `measure` for the layout, by the context's own text metrics. */
export function contextMeasure(context: PosterContext): (text: string, font: PosterFont) => number {
  return (text, font) => {
    context.font = cssFont(font);
    return context.measureText(text).width;
  };
}

/** Draws the layout's operations, in order; `codeImage` is the loaded code image. */
export function paintPoster(context: PosterContext, layout: PosterLayout, codeImage: unknown): void {
  context.textBaseline = 'top';
  for (const op of layout.ops) {
    if (op.type === 'rect') {
      context.fillStyle = op.color;
      context.fillRect(op.x, op.y, op.width, op.height);
      if (op.stroke) {
        context.strokeStyle = op.stroke;
        context.lineWidth = 1;
        context.strokeRect(op.x + 0.5, op.y + 0.5, op.width - 1, op.height - 1);
      }
    } else if (op.type === 'text') {
      context.font = cssFont(op.font);
      context.fillStyle = op.color;
      context.fillText(op.text, op.x, op.y);
    } else {
      context.drawImage(codeImage as never, op.x, op.y, op.width, op.height);
    }
  }
}

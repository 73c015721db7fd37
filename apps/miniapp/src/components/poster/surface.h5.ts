import { layoutPoster, type PosterInput, type PosterLayout } from './layout';
import { contextMeasure, paintPoster, type PosterContext } from './paint';

/**
 * H5: the poster is drawn on a detached `<canvas>` and shown as an `<img>` of `canvas.toDataURL()`,
 * which the user long-presses to save or share (a browser has no album API). The code image is
 * loaded with `crossOrigin = 'anonymous'`: its server must send CORS headers, or the canvas is
 * tainted and cannot be exported (reported as an image error).
 */

export const NEEDS_CANVAS_ELEMENT = false;

export interface PosterDrawing {
  src: string;
  layout: PosterLayout;
}

export class PosterImageError extends Error {}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new PosterImageError(`poster: code image failed: ${url}`));
    image.src = url;
  });
}

export async function drawPoster(_canvasId: string, input: PosterInput): Promise<PosterDrawing> {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d') as unknown as PosterContext | null;
  if (!context) throw new Error('poster: no 2D canvas in this browser');
  const layout = layoutPoster(input, contextMeasure(context));
  const codeImage = await loadImage(input.codeImageUrl);
  const ratio = Math.min(Math.max(window.devicePixelRatio || 2, 1), 3);
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  context.scale(ratio, ratio);
  paintPoster(context, layout, codeImage);
  try {
    return { src: canvas.toDataURL('image/png'), layout };
  } catch (error) {
    // A code image without CORS headers taints the canvas.
    throw new PosterImageError(`poster: canvas not exportable: ${String(error)}`);
  }
}
